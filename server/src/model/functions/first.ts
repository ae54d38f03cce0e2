import { isBlank, type FunctionDef } from './types';

export const first: FunctionDef = {
  name: 'first',
  signature: 'first(value...)',
  params: [{ name: 'value', doc: 'Candidates, tried left to right.', variadic: true }],
  minArgs: 1,
  maxArgs: Infinity,
  returns: 'string',
  doc: [
    'The first argument that has a value: missing attributes and blank strings are skipped. The value is',
    'returned as it is (not trimmed). No value when every argument is empty.',
    '',
    '```',
    'map property "Phone" = first(mobilePhone, businessPhones[0], "n/a")',
    '```',
  ].join('\n'),
  evaluate: (args) => args.find((a) => !isBlank(a)),
};

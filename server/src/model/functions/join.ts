import { isBlank, type FunctionDef } from './types';

export const join: FunctionDef = {
  name: 'join',
  signature: 'join(separator, value...)',
  params: [
    { name: 'separator', doc: 'Put between two values, e.g. `", "`.' },
    { name: 'value', doc: 'The values to join; empty ones are left out.', variadic: true },
  ],
  minArgs: 2,
  maxArgs: Infinity,
  returns: 'string',
  doc: [
    'Joins the values that are not empty with the separator, so that a missing part leaves no stray',
    'separator behind. No value when every value is empty.',
    '',
    '```',
    'map profile location = join(", ", profile.city, profile.countryCode)   # "Berlin, DE" or "Berlin"',
    '```',
  ].join('\n'),
  evaluate(args) {
    const values = args.slice(1).filter((a): a is string => !isBlank(a));
    return values.length === 0 ? undefined : values.join(args[0] ?? '');
  },
};

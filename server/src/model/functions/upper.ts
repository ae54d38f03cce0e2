import type { FunctionDef } from './types';

export const upper: FunctionDef = {
  name: 'upper',
  signature: 'upper(value)',
  params: [{ name: 'value', doc: 'The text to upper-case.' }],
  minArgs: 1,
  maxArgs: 1,
  returns: 'string',
  doc: [
    "The value in upper case, by Unicode rules that do not depend on the machine's locale.",
    '',
    '```',
    'map property "Country" = upper(profile.countryCode)   # "de" → "DE"',
    '```',
  ].join('\n'),
  evaluate: ([value]) => value?.toUpperCase(),
};

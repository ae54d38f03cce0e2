import type { FunctionDef } from './types';

export const lower: FunctionDef = {
  name: 'lower',
  signature: 'lower(value)',
  params: [{ name: 'value', doc: 'The text to lower-case.' }],
  minArgs: 1,
  maxArgs: 1,
  returns: 'string',
  doc: [
    "The value in lower case, by Unicode rules that do not depend on the machine's locale.",
    '',
    '```',
    'match username = lower(userPrincipalName)   # "Alice@Contoso.com" → "alice@contoso.com"',
    '```',
  ].join('\n'),
  evaluate: ([value]) => value?.toLowerCase(),
};

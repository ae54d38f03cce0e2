import type { FunctionDef } from './types';

export const stripDomain: FunctionDef = {
  name: 'strip_domain',
  signature: 'strip_domain(value)',
  params: [{ name: 'value', doc: 'An e-mail address or user principal name.' }],
  minArgs: 1,
  maxArgs: 1,
  returns: 'string',
  doc: [
    'The part before the last `@`; a value without `@` is returned unchanged.',
    '',
    '```',
    'match username = strip_domain(userPrincipalName)   # "alice@contoso.com" → "alice"',
    '```',
  ].join('\n'),
  evaluate([value]) {
    if (value === undefined) return undefined;
    const at = value.lastIndexOf('@');
    return at < 0 ? value : value.slice(0, at);
  },
};

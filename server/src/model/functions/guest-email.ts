import type { FunctionDef } from './types';

const EXT_MARKER = /#EXT#/i;

export const guestEmail: FunctionDef = {
  name: 'guest_email',
  signature: 'guest_email(value)',
  params: [{ name: 'value', doc: 'A user principal name, usually `userPrincipalName`.' }],
  minArgs: 1,
  maxArgs: 1,
  returns: 'string',
  doc: [
    "The guest's own e-mail address from an Entra ID guest user principal name: the part before `#EXT#`,",
    'with its last `_` turned back into `@`. Values without `#EXT#` (members) are returned unchanged.',
    '',
    '```',
    'match username = lower(guest_email(userPrincipalName))',
    '# "first.last_fabrikam.com#EXT#@contoso.onmicrosoft.com" → "first.last@fabrikam.com"',
    '```',
  ].join('\n'),
  evaluate([value]) {
    if (value === undefined) return undefined;
    const marker = EXT_MARKER.exec(value);
    if (!marker) return value;
    const local = value.slice(0, marker.index);
    const underscore = local.lastIndexOf('_');
    if (underscore < 0) return value;
    return `${local.slice(0, underscore)}@${local.slice(underscore + 1)}`;
  },
};

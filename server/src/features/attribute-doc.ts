import type { AttributeInfo } from '../model/catalogs/catalog';
import type { SourceType } from '../model/model';

/** How an attribute is described in hover and completion: type, limits, and how the IdP returns it. */

const IDP_NAMES: Record<SourceType, string> = { azure: 'Microsoft Graph', okta: 'Okta', google: 'Google Directory' };

/** `string`, `string[]`, `Edm.String` when the vendor names it differently. */
export function attributeType(a: AttributeInfo): string {
  const base = a.typeName && a.typeName !== a.type ? `${a.type} (${a.typeName})` : a.type;
  return a.isCollection ? `${base}[]` : base;
}

/** Graph's three ways to get a value: by default, with $select, or one request per user. */
export function graphAvailability(a: AttributeInfo): string | undefined {
  if (a.navigation) return 'Navigation property: read with `$expand` (one extra cost per request).';
  if (a.listSupported === false)
    return 'Not returned by `GET /users`: read with **one request per user** (slow for many users).';
  if (a.returnedByDefault === false) return 'Returned only with `$select` (usersync adds it to the request).';
  if (a.returnedByDefault === true) return 'Returned by default.';
  return undefined;
}

export function attributeMarkdown(a: AttributeInfo, idp: SourceType, path = a.path): string {
  const lines = [`\`${path}\` — **${attributeType(a)}** (${IDP_NAMES[idp]})`];
  if (a.description) lines.push('', a.description);
  const facts: string[] = [];
  if (a.maxLength !== undefined) facts.push(`Max length: ${a.maxLength}`);
  if (a.enum?.length) facts.push(`Values: ${a.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (a.readOnly) facts.push('Read-only in the IdP');
  if (idp === 'azure') {
    const how = graphAvailability(a);
    if (how) facts.push(how);
  }
  if (a.arrayAddressing) facts.push(`Addressing: ${a.arrayAddressing}`);
  if (a.selectorKeys?.length) facts.push(`Selector keys: ${a.selectorKeys.map((k) => `\`${k}\``).join(', ')}`);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  return lines.join('\n');
}

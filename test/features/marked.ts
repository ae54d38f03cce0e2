import type { Document } from '../../server/src/model/model';
import { parseDocument } from '../../server/src/parse';

/**
 * A document with a cursor marker: `⟨|⟩` when present, else the first `|`. Returns the parsed model
 * (without the marker) and the cursor offset.
 */
export function marked(src: string, uri = 'file:///t.usersync'): { doc: Document; offset: number; text: string } {
  const marker = src.includes('⟨|⟩') ? '⟨|⟩' : '|';
  const offset = src.indexOf(marker);
  if (offset < 0) throw new Error('no cursor marker in the test document');
  const text = src.slice(0, offset) + src.slice(offset + marker.length);
  return { doc: parseDocument(text, uri).document, offset, text };
}

export function parsed(text: string, uri = 'file:///t.usersync'): Document {
  return parseDocument(text, uri).document;
}

/** A connector head: `source <source> {…}` and `target <target> {…}` with the required settings. */
export function head(source: string, target: string, name = 'c'): string {
  const sourceBody: Record<string, string> = {
    azure: 'tenant = "contoso.onmicrosoft.com"  client_id = "x"  client_secret = env("AZURE_CLIENT_SECRET")',
    okta: 'org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN")',
    google: 'service_account_key = file("sa.json")  admin_email = "admin@contoso.com"',
  };
  return [
    `connector ${name} {`,
    `  source ${source} { ${sourceBody[source] ?? ''} }`,
    `  target ${target} { url = "https://${target}.contoso.com"  token = secret("${target}-pat") }`,
    '  match username = mail',
    '',
  ].join('\n');
}

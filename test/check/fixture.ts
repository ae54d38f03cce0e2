import { strict as assert } from 'assert';
import { checkDocument, type CheckOptions } from '../../server/src/check';
import type { Diagnostic, Fix } from '../../server/src/check/diagnostic';
import type { Document } from '../../server/src/model/model';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import type { Span } from '../../server/src/text/span';

/**
 * Test documents mark the expected diagnostic ranges with ⟦ and ⟧:
 *   map property "A" = ⟦departmnt⟧
 * `expectDiagnostic(doc, 'unknown-attribute')` then checks that exactly the marked ranges carry that code.
 */

export const URI = 'file:///test/contoso.usersync';

export const AZURE = `source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_id     = "5d2a0e7c-1b9f-4c1e-9a57-3f0c2b7d9e11"
    client_secret = env("AZURE_CLIENT_SECRET")
  }`;
export const OKTA = `source okta {
    org_url = "https://contoso.okta.com"
    token   = env("OKTA_API_TOKEN")
  }`;
export const GOOGLE = `source google {
    service_account_key = file("keys/usersync-sa.json")
    admin_email         = "admin@contoso.com"
  }`;
export const JIRA = `target jira {
    url   = "https://jira.contoso.com"
    token = secret("jira-pat")
  }`;
export const CONFLUENCE = `target confluence {
    url   = "https://wiki.contoso.com"
    token = secret("wiki-pat")
  }`;

export interface Parts {
  name?: string;
  source?: string;
  target?: string;
  match?: string;
  /** Map lines, options, schedule, users: one item per entry. */
  lines?: string[];
}

/** A one-connector document: azure → jira with a match and one mapping unless the parts say otherwise. */
export function usersync(parts: Parts = {}): string {
  const items = [
    parts.source ?? AZURE,
    parts.target ?? JIRA,
    parts.match ?? 'match username = lower(userPrincipalName)',
    ...(parts.lines ?? ['map property "Department" = department']),
  ].filter((i) => i !== '');
  return `connector ${parts.name ?? 'contoso'} {\n${items.map((i) => `  ${i}`).join('\n')}\n}\n`;
}

/** Removes the ⟦ ⟧ markers; the ranges they enclosed, in offsets of the text without markers. */
export function unmark(source: string): { text: string; ranges: Span[] } {
  let text = '';
  const ranges: Span[] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') ranges.push({ start: open.pop() as number, end: text.length });
    else text += ch;
  }
  assert.equal(open.length, 0, 'unbalanced ⟦ in the test document');
  return { text, ranges: ranges.sort((a, b) => a.start - b.start) };
}

export function parseAndCheck(text: string, options?: CheckOptions): { document: Document; diagnostics: Diagnostic[] } {
  const { document, errors } = parseUsersync(text, URI);
  return { document, diagnostics: checkDocument(document, errors, options) };
}

export function diagnose(text: string, options?: CheckOptions): Diagnostic[] {
  return parseAndCheck(text, options).diagnostics;
}

function show(text: string, ds: readonly Diagnostic[]): string {
  return (
    ds
      .map((d) => `  ${d.severity} ${d.code} ${JSON.stringify(text.slice(d.span.start, d.span.end))} ${d.message}`)
      .join('\n') || '  (none)'
  );
}

/**
 * The diagnostics with `code` are exactly at the marked ranges (one each). Returns them in range order.
 */
export function expectDiagnostics(source: string, code: string, options?: CheckOptions): Diagnostic[] {
  const { text, ranges } = unmark(source);
  assert.ok(ranges.length > 0, 'the test document marks no range');
  const all = diagnose(text, options);
  const found = all.filter((d) => d.code === code).sort((a, b) => a.span.start - b.span.start);
  const want = ranges.map((r) => JSON.stringify(text.slice(r.start, r.end)) + `@${r.start}-${r.end}`);
  const got = found.map((d) => JSON.stringify(text.slice(d.span.start, d.span.end)) + `@${d.span.start}-${d.span.end}`);
  assert.deepEqual(got, want, `'${code}' at the marked ranges; all diagnostics:\n${show(text, all)}`);
  return found;
}

/** Exactly one marked range; the one diagnostic there. */
export function expectDiagnostic(source: string, code: string, options?: CheckOptions): Diagnostic {
  const found = expectDiagnostics(source, code, options);
  assert.equal(found.length, 1);
  return found[0];
}

/** No error and no warning (hints allowed). */
export function expectClean(text: string, options?: CheckOptions): void {
  const all = diagnose(text, options);
  const serious = all.filter((d) => d.severity === 'error' || d.severity === 'warning');
  assert.deepEqual(serious, [], `expected no errors or warnings:\n${show(text, serious)}`);
}

/** No diagnostic with this code anywhere. */
export function expectNo(text: string, code: string, options?: CheckOptions): void {
  const all = diagnose(text, options);
  assert.deepEqual(
    all.filter((d) => d.code === code),
    [],
    `expected no '${code}':\n${show(text, all)}`,
  );
}

export function fixTitled(d: Diagnostic, title: string): Fix {
  const fix = d.fixes?.find((f) => f.title === title);
  assert.ok(fix, `no fix titled "${title}"; fixes: ${JSON.stringify(d.fixes?.map((f) => f.title) ?? [])}`);
  return fix;
}

export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/**
 * The marked diagnostic has a fix with this title; applying it gives a document that parses without
 * errors and no longer has `code` anywhere. Returns the fixed text.
 */
export function expectFixResolves(source: string, code: string, title: string, options?: CheckOptions): string {
  const d = expectDiagnostic(source, code, options);
  const { text } = unmark(source);
  const fixed = applyFix(text, fixTitled(d, title));
  const { errors } = parseUsersync(fixed, URI);
  assert.deepEqual(errors, [], `the fixed text parses:\n${fixed}`);
  const after = diagnose(fixed, options);
  assert.deepEqual(
    after.filter((x) => x.code === code),
    [],
    `'${code}' is gone after "${title}":\n${fixed}\n${show(fixed, after)}`,
  );
  return fixed;
}

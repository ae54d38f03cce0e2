import { strict as assert } from 'assert';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/check';
import type { Diagnostic } from '../../server/src/check/diagnostic';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import type { Span } from '../../server/src/text/span';
import { editedText } from '../helpers/edited-text';
import { CONFLUENCE, GOOGLE, OKTA, usersync } from './fixture';

const BASE =
  usersync({
    lines: [
      'schedule "0 */6 * * *"',
      'on_empty = keep',
      'clear_guard = "10%"',
      'map property "Department" = department',
      'map property "Cost Center" = employeeOrgData.costCenter',
      'map property "Manager" = manager.mail',
      'map property "Phone" = first(mobilePhone, businessPhones[0])',
      'map property "Company" = "Contoso Ltd."',
      'user "alice@contoso.com"',
    ],
  }) +
  usersync({
    name: 'okta_wiki',
    source: OKTA,
    target: CONFLUENCE,
    match: 'match username = profile.login',
    lines: ['map profile location = join(", ", profile.city, profile.countryCode)'],
  }) +
  usersync({
    name: 'google_jira',
    source: GOOGLE,
    match: 'match username = primaryEmail',
    lines: ['map property "Title" = organizations[primary=true].title'],
  });

const PIECES = [
  '{',
  '}',
  '"',
  '=',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  '#',
  '\n',
  ' ',
  'map ',
  'profile',
  'property ',
  'source ',
  'target ',
  'env(',
  'x',
  '0',
  '[type=',
  'é',
  '😀',
];

function inside(s: Span, length: number): boolean {
  return s.start >= 0 && s.start <= s.end && s.end <= length;
}

function spansOf(d: Diagnostic): Span[] {
  return [
    d.span,
    ...(d.related ?? []).map((r) => r.span),
    ...(d.fixes ?? []).flatMap((f) => f.edits.map((e) => e.span)),
  ];
}

describe('checks: robustness', () => {
  it('checks the base document with no error', () => {
    const { document, errors } = parseUsersync(BASE, 'x.usersync');
    assert.deepEqual(
      checkDocument(document, errors).filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('never throws on edited text, and every span and fix stays inside the document', () => {
    const insert = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(editedText(BASE, insert, { maxCut: 12, maxEdits: 4 }), (text) => {
        const { document, errors } = parseUsersync(text, 'x.usersync');
        const ds = checkDocument(document, errors);
        for (const d of ds) {
          assert.ok(d.code !== 'internal-error', d.message);
          for (const s of spansOf(d))
            assert.ok(inside(s, text.length), `${d.code} ${JSON.stringify(s)} in ${text.length}`);
        }
      }),
      { seed: 20250101, numRuns: 300 },
    );
  });
});

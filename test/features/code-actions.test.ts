import { strict as assert } from 'assert';
import { checkDocument } from '../../server/src/check';
import { codeActions } from '../../server/src/features/code-actions';
import { parseDocument } from '../../server/src/parse';

const TEXT = [
  'connector c {',
  '  source azure {',
  '    tenant = "contoso.onmicrosoft.com"',
  '  }',
  '  target jira { url = "https://jira.contoso.com"  token = env("JIRA_TOKEN") }',
  '  match username = mail',
  '  map property "Department" = departmnt',
  '}',
  '',
].join('\n');

function actionsAt(word: string) {
  const { document, errors } = parseDocument(TEXT, 'file:///c.usersync');
  const diagnostics = checkDocument(document, errors);
  const at = TEXT.indexOf(word) + 1;
  return codeActions(diagnostics, { start: at, end: at }, { document, base: 0 });
}

function apply(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  return [...edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

describe('code actions', () => {
  it('offers the fix of the finding under the cursor as the preferred quick fix', () => {
    const [fix] = actionsAt('departmnt');
    assert.equal(fix.title, "Change to 'department'");
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.preferred, true);
    assert.equal(fix.diagnostic?.code, 'unknown-attribute');
    assert.match(apply(TEXT, fix.edits), /= department\n/);
  });

  it('offers "add missing required settings" anywhere inside a block that lacks them', () => {
    const actions = actionsAt('tenant');
    const add = actions.find((a) => a.title === 'Add missing required settings');
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(add.kind, 'quickfix');
    const fixed = apply(TEXT, add.edits);
    assert.match(fixed, /\n {4}client_id = "[^"]+"\n {4}client_secret = env\("AZURE_CLIENT_SECRET"\)\n {2}\}/);
  });

  it('offers a source action adding every missing setting of the file', () => {
    const all = actionsAt('departmnt').find((a) => a.kind === 'source');
    assert.equal(all?.title, 'Add all missing required settings');
    const { document, errors } = parseDocument(apply(TEXT, all?.edits ?? []), 'file:///c.usersync');
    assert.ok(!checkDocument(document, errors).some((d) => d.code === 'missing-setting'));
  });

  it('offers nothing where there is nothing to fix', () => {
    assert.deepEqual(
      actionsAt('match').filter((a) => a.kind === 'quickfix'),
      [],
    );
  });
});

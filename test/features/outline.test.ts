import { strict as assert } from 'assert';
import { codeLenses } from '../../server/src/features/code-lens';
import { foldingSpans } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';
import { LineIndex } from '../../server/src/text/span';
import { head, parsed } from './marked';

const TEXT = [
  '# Contoso',
  '# two comment lines',
  head('azure', 'jira', 'contoso_jira') + '  schedule "0 */6 * * *"',
  '  map property "Department" = department',
  '  user "alice@contoso.com"',
  '  user "bob@contoso.com"',
  '}',
  '',
  head('okta', 'confluence', 'okta_wiki') + '  map profile position = profile.title',
  '}',
  '',
].join('\n');

describe('document outline', () => {
  it('lists connectors with their source, target, match, mappings and users', () => {
    const symbols = documentSymbols(parsed(TEXT));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children.map((c) => `${c.kind}:${c.name}`)]),
      [
        [
          'contoso_jira',
          [
            'source:source azure',
            'target:target jira',
            'match:match username',
            'schedule:schedule',
            'mapping:property Department',
            'user:alice@contoso.com',
            'user:bob@contoso.com',
          ],
        ],
        [
          'okta_wiki',
          ['source:source okta', 'target:target confluence', 'match:match username', 'mapping:profile position'],
        ],
      ],
    );
    const [jira] = symbols;
    assert.equal(TEXT.slice(jira.selectionSpan.start, jira.selectionSpan.end), 'contoso_jira');
  });

  it('names an unnamed connector instead of leaving it blank', () => {
    assert.equal(documentSymbols(parsed('connector {\n}\n'))[0].name, '(unnamed connector)');
  });

  it('folds connectors, blocks and runs of comment lines', () => {
    const lines = new LineIndex(TEXT);
    const folds = foldingSpans(parsed(TEXT)).map((f) => [
      f.kind,
      lines.position(f.span.start).line,
      lines.position(f.span.end).line,
    ]);
    assert.deepEqual(
      folds.filter((f) => f[0] === 'comment'),
      [['comment', 0, 1]],
    );
    assert.ok(
      folds.some((f) => f[0] === 'region' && f[1] === 2 && f[2] === 10),
      JSON.stringify(folds),
    );
  });
});

describe('code lens', () => {
  it('puts run and preview above each connector, sync and preview above each pinned user', () => {
    const uri = 'file:///w/contoso.usersync';
    const lenses = codeLenses(parsed(TEXT), uri);
    assert.deepEqual(
      lenses.map((l) => [l.title, l.command, l.args]),
      [
        ['▶ Run full sync', 'usersync.runFullSync', [{ uri, connector: 'contoso_jira' }]],
        ['Preview', 'usersync.preview', [{ uri, connector: 'contoso_jira' }]],
        ['Sync this user', 'usersync.syncUser', [{ uri, connector: 'contoso_jira', user: 'alice@contoso.com' }]],
        ['Preview', 'usersync.previewUser', [{ uri, connector: 'contoso_jira', user: 'alice@contoso.com' }]],
        ['Sync this user', 'usersync.syncUser', [{ uri, connector: 'contoso_jira', user: 'bob@contoso.com' }]],
        ['Preview', 'usersync.previewUser', [{ uri, connector: 'contoso_jira', user: 'bob@contoso.com' }]],
        ['▶ Run full sync', 'usersync.runFullSync', [{ uri, connector: 'okta_wiki' }]],
        ['Preview', 'usersync.preview', [{ uri, connector: 'okta_wiki' }]],
      ],
    );
    const lines = new LineIndex(TEXT);
    assert.equal(lines.position(lenses[2].span.start).line, lines.position(TEXT.indexOf('user "alice')).line);
  });

  it('offers nothing for a connector without a name (it cannot be run by name)', () => {
    assert.deepEqual(codeLenses(parsed('connector {\n  user "a"\n}\n'), 'file:///x.usersync'), []);
  });
});

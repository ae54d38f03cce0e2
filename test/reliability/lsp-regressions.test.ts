import { strict as assert } from 'assert';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { applyChange } from './lsp-edits';
import { LspSession } from './lsp-session';

/**
 * What the protocol fuzzer found, one specification each.
 */

const keys = (ds: Diagnostic[]) => ds.map((d) => `${JSON.stringify(d.range)} ${String(d.code)}`).sort();

describe('language server: edit sequences the fuzzer found', function () {
  this.timeout(20_000);
  let session: LspSession;
  before(async () => (session = await LspSession.start()));
  after(() => session?.stop());

  it('keeps the text the client has after an edit whose range starts one line past the end', async () => {
    // The protocol's TextDocument.update (vscode-languageserver-textdocument 1.0.16) leaves a hole in its
    // line table for such a range; the next, ordinary edit then lands in the wrong place (here it copies
    // the whole text). A client model that clamps to the end of the document keeps the text right.
    const uri = 'file:///fuzz/past-the-end.usersync';
    const start = 'connector a {\n}';
    const changes: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 2, character: 3 }, end: { line: 3, character: 7 } }, text: ' connector b {\n}' },
      {
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
        text: '  match username = mail\n',
      },
    ];
    await session.open(uri, start, 1);
    let client = start;
    for (const [i, change] of changes.entries()) {
      client = applyChange(client, change);
      await session.change(uri, i + 2, [change]);
    }
    assert.equal(client, 'connector a {\n} connector b {\n  match username = mail\n}');
    const edited = await session.diagnostics(uri, 3);
    const freshUri = 'file:///fuzz/past-the-end-fresh.usersync';
    await session.open(freshUri, client, 1);
    const fresh = await session.diagnostics(freshUri, 1);
    assert.deepEqual(keys(edited), keys(fresh), 'the server holds the same text as the client');
  });

  it('publishes diagnostics for a version with calls nested 2,000 deep (not the previous ones)', async () => {
    const uri = 'file:///fuzz/deep.usersync';
    const start = 'connector a {\n  map property "A" = mail\n}\n';
    await session.open(uri, start, 1);
    await session.diagnostics(uri, 1);
    const deep = `${'first('.repeat(2000)}mail${')'.repeat(2000)}`;
    await session.change(uri, 2, [
      { range: { start: { line: 1, character: 21 }, end: { line: 1, character: 25 } }, text: deep },
    ]);
    await session.diagnostics(uri, 2, 5000);
    assert.ok(session.alive);
  });
});

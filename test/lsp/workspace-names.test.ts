import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { cursor, LspClient, positionOf } from './lsp-client';

/** env("…") / secret("…") completion offers the names used in open documents and in the workspace's files. */
describe('language server: names used in the workspace', function () {
  this.timeout(20_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-ws-'));
    fs.mkdirSync(path.join(dir, 'team'));
    fs.writeFileSync(
      path.join(dir, 'team', 'hr.usersync'),
      'connector hr {\n  source okta { org_url = "https://o.okta.com"  token = env("HR_OKTA_TOKEN") }\n  target jira { url = "https://j"  token = secret("hr-jira-pat") }\n}\n',
    );
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(
      path.join(dir, 'node_modules', 'x.usersync'),
      'connector x {\n  source okta { token = env("IGNORED") }\n}\n',
    );
    client = LspClient.start();
    await client.initialize(undefined, undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
  });

  after(async () => {
    if (client?.alive) await client.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Completion labels at the marked cursor, asked again until `expected` shows (the folder scan runs after `initialized`). */
  async function namesAt(uri: string, marked: string, expected: string): Promise<string[]> {
    const m = cursor(marked);
    await client.open(uri, m.text);
    const position = positionOf(m.text, m.offset);
    const deadline = Date.now() + 5000;
    for (;;) {
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
      const labels = list.items.map((i) => i.label);
      if (labels.includes(expected) || Date.now() > deadline) return labels;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('offers env names from the workspace files and the open documents, not from node_modules', async () => {
    await client.open(
      pathToFileURL(path.join(dir, 'open.usersync')).toString(),
      'connector o {\n  target jira { token = env("OPEN_DOC_TOKEN") }\n}\n',
    );
    const labels = await namesAt(
      pathToFileURL(path.join(dir, 'new.usersync')).toString(),
      'connector n {\n  source okta { token = env("|") }\n}\n',
      'HR_OKTA_TOKEN',
    );
    assert.ok(labels.includes('HR_OKTA_TOKEN') && labels.includes('OPEN_DOC_TOKEN'), labels.join());
    assert.ok(!labels.includes('IGNORED'));
  });

  it('offers secret names inside secret("…")', async () => {
    const labels = await namesAt(
      pathToFileURL(path.join(dir, 'new2.usersync')).toString(),
      'connector n {\n  target jira { token = secret("|") }\n}\n',
      'hr-jira-pat',
    );
    assert.deepEqual(labels, ['hr-jira-pat']);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';

const connector = (name: string, map: string) =>
  `connector ${name} {
  source okta {
    org_url = "https://contoso.okta.com"
    token   = env("OKTA_TOKEN")
  }
  target jira {
    url   = "https://jira.contoso.com"
    token = env("JIRA_TOKEN")
  }
  match username = lower(profile.login)
  ${map}
}
`;

/** shared-target-key across files: an open document against the workspace's other files as saved. */
describe('language server: a key that a connector of another workspace file writes to the same target', function () {
  this.timeout(20_000);
  let dir: string;
  let client: LspClient;
  const hr = () => path.join(dir, 'team', 'hr.usersync');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-keys-'));
    fs.mkdirSync(path.join(dir, 'team'));
    fs.writeFileSync(hr(), connector('hr', 'map property "Department" = profile.department'));
    client = LspClient.start();
    await client.initialize(undefined, undefined, [{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
  });

  after(async () => {
    if (client?.alive) await client.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The diagnostics of `uri` once `want` holds for them (the folder scan runs after `initialized`). */
  async function until(uri: string, want: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const deadline = Date.now() + 8000;
    for (;;) {
      const ds = await client.diagnostics(uri);
      if (want(ds) || Date.now() > deadline) return ds;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const shared = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'shared-target-key');

  it('is information at the map line of the open document, naming the other file and its line', async () => {
    const uri = pathToFileURL(path.join(dir, 'contractors.usersync')).toString();
    const text = connector('contractors', 'map property "Department" = profile.department');
    await client.open(uri, text);
    const found = shared(await until(uri, (ds) => shared(ds).length > 0));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].severity, 3, 'information');
    assert.equal(
      found[0].message,
      `connector 'hr' in ${path.join('team', 'hr.usersync')}:11 writes property 'Department' to this jira too; ` +
        "where both connectors read the same people, each run undoes the other's",
    );
    assert.deepEqual(found[0].range.start, { line: 10, character: 15 });
  });

  it('goes away when the other file, saved again, no longer writes the key', async () => {
    const uri = pathToFileURL(path.join(dir, 'contractors.usersync')).toString();
    fs.writeFileSync(hr(), connector('hr', 'map property "Cost Center" = profile.costCenter'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(hr()).toString(), type: 2 }],
    });
    const after = await until(uri, (ds) => shared(ds).length === 0);
    assert.deepEqual(shared(after), []);
  });
});

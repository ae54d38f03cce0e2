import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseDocument } from '../../server/src/parse';
import { ConfigError, loadConfig } from '../../server/src/sync/engine/load-config';
import { buildRunnable } from '../../server/src/sync/engine/runnable';
import { UNTRUSTED_MESSAGE } from '../../server/src/sync/secrets/resolve';
import { LspSession } from './lsp-session';
import { recordingServer, type RecordingServer } from './recording-server';

/**
 * An untrusted workspace resolves no env(), secret() or file() value and makes no request: through the
 * engine API (buildRunnable / loadConfig with trusted: false) and through the language server's live
 * schema, with every IdP of the document pointing at a local server that counts what it is asked.
 */

const ENV = {
  RELIABILITY_OKTA_TOKEN: 'okta-ssws-Untrusted-4b7e9c',
  RELIABILITY_AZURE_SECRET: 'azure-Untrusted-1f2e3d',
};

function documentText(idp: string): string {
  return [
    'connector okta_c {',
    `  source okta { org_url = "${idp}/okta"  token = env("RELIABILITY_OKTA_TOKEN") }`,
    '  target confluence { url = "https://wiki.contoso.com"  token = secret("wiki-pat") }',
    '  match username = lower(profile.login)',
    '  map profile position = profile.title',
    '}',
    'connector azure_c {',
    `  source azure { tenant = "contoso.onmicrosoft.com"  client_id = "5d2a0e7c-1b9f-4c1e-9a57-3f0c2b7d9e11"  client_secret = env("RELIABILITY_AZURE_SECRET")  login_url = "${idp}/login"  graph_url = "${idp}/graph" }`,
    '  target jira { url = "https://jira.contoso.com"  token = secret("jira-pat") }',
    '  match username = lower(mail)',
    '  map property "Department" = department',
    '}',
    'connector google_c {',
    `  source google { service_account_key = file("google-key.json")  admin_email = "admin@contoso.com"  token_url = "${idp}/token"  api_url = "${idp}/google" }`,
    '  target jira { url = "https://jira.contoso.com"  token = secret("jira-pat") }',
    '  match username = lower(primaryEmail)',
    '  map property "Title" = organizations[primary=true].title',
    '}',
    '',
  ].join('\n');
}

describe('untrusted workspaces', function () {
  this.timeout(30_000);
  let idp: RecordingServer;
  let dir: string;
  before(async () => {
    idp = await recordingServer(() => ({ status: 401, body: { message: 'no' } }));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-untrusted-'));
    fs.writeFileSync(path.join(dir, 'google-key.json'), '{"type":"service_account","private_key":"untrusted-key"}');
  });
  after(async () => {
    await idp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => (idp.seen.length = 0));

  it('the engine resolves no env, secret or file value and builds no connector', () => {
    const { document } = parseDocument(documentText(idp.url), path.join(dir, 'c.usersync'));
    let asked = 0;
    const built = buildRunnable(document, {
      env: { ...process.env, ...ENV },
      configDir: dir,
      trusted: false,
      secrets: () => (asked++, 'stored-value'),
    });
    assert.deepEqual(built.connectors, []);
    assert.equal(asked, 0, 'the secret store was not asked');
    const refused = built.errors.filter((e) => e.message.endsWith(UNTRUSTED_MESSAGE));
    // okta: token + target token; azure: client_secret + target token; google: key file + target token
    assert.equal(refused.length, 6, JSON.stringify(built.errors));
    assert.ok(
      !JSON.stringify(built).includes('untrusted-key') && !JSON.stringify(built).includes(ENV.RELIABILITY_OKTA_TOKEN),
    );

    const file = path.join(dir, 'c.usersync');
    fs.writeFileSync(file, documentText(idp.url));
    assert.throws(() => loadConfig(file, { env: { ...process.env, ...ENV }, trusted: false }), ConfigError);
    assert.deepEqual(idp.seen, []);
  });

  for (const trusted of [false, true]) {
    it(`the language server's live schema ${trusted ? 'reads the IdPs once trusted (the control)' : 'makes no request while untrusted'}`, async () => {
      const session = await LspSession.start({ trusted, liveSchema: { enabled: true } }, { ...process.env, ...ENV });
      try {
        const uri = `file://${dir}/live-${trusted}.usersync`;
        const text = documentText(idp.url);
        await session.open(uri, text, 1);
        await session.diagnostics(uri, 1);
        const lines = text.split('\n');
        for (const [line, character] of [
          [4, lines[4].length],
          [10, lines[10].length],
          [16, lines[16].length],
        ])
          await session.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
        await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 30 } });
        await new Promise((r) => setTimeout(r, 500));
        if (trusted) assert.ok(idp.seen.length > 0, 'a trusted workspace reads the schema');
        else assert.deepEqual(idp.seen, [], 'no request in an untrusted workspace');
      } finally {
        await session.stop();
      }
    });
  }
});

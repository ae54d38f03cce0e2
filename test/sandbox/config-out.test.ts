import { strict as assert } from 'assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkDocument } from '../../server/src/check';
import { main } from '../../server/src/cli/main';
import { parseDocument } from '../../server/src/parse';
import { writeSandboxConfig } from '../../server/src/sandbox/config-out';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';

describe('sandbox: generated config', () => {
  let sb: Sandbox;
  let dir: string;
  before(async () => {
    sb = await startSandbox({ users: 80, seed: 'config', token: 'do-not-leak-me' });
    dir = mkdtempSync(join(tmpdir(), 'usersync-sandbox-'));
  });
  after(async () => {
    await sb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a .usersync with three connectors that parses and checks without errors', () => {
    const { config } = writeSandboxConfig(sb, join(dir, 'try.usersync'));
    const text = readFileSync(config, 'utf8');
    const { document, errors } = parseDocument(text, config);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['sandbox_azure_jira', 'sandbox_okta_confluence', 'sandbox_google_jira'],
    );
    const problems = checkDocument(document, errors).filter((d) => d.severity === 'error');
    assert.deepEqual(problems, []);
  });

  it('points every connector at the sandbox and keeps secrets out of the file', () => {
    const { config, googleKey } = writeSandboxConfig(sb, join(dir, 'try.usersync'));
    const text = readFileSync(config, 'utf8');
    assert.ok(!text.includes('do-not-leak-me'));
    assert.ok(!text.includes('PRIVATE KEY'));
    assert.match(text, /client_secret += env\("USERSYNC_SANDBOX_TOKEN"\)/);
    assert.match(text, /service_account_key += file\("try\.google-key\.json"\)/);
    for (const url of [
      sb.urls.azureLogin,
      sb.urls.graph,
      sb.urls.okta,
      sb.urls.googleApi,
      sb.urls.googleToken,
      sb.urls.jira,
      sb.urls.confluence,
    ]) {
      assert.ok(text.includes(`"${url}"`), url);
    }
    assert.match(text, /map property "Manager" += manager\.mail/);
    assert.match(text, /first\(mobilePhone, businessPhones\[0\]\)/);
    assert.match(text, /organizations\[primary=true\]\.title/);
    assert.ok((text.match(/^ {2}user "/gm) ?? []).length >= 3, 'pinned users');
    const key = JSON.parse(readFileSync(googleKey, 'utf8'));
    assert.equal(key.type, 'service_account');
    assert.equal(key.token_uri, sb.urls.googleToken);
    assert.equal(statSync(googleKey).mode & 0o777, 0o600);
  });

  it('writes over its own files again, and never over a config or Google key it did not write', async () => {
    const again = join(dir, 'again.usersync');
    writeSandboxConfig(sb, again);
    writeSandboxConfig(sb, again); // its own config and key: rewritten
    const mine = join(dir, 'prod.usersync');
    writeFileSync(mine, 'connector prod { }\n');
    assert.throws(() => writeSandboxConfig(sb, mine), /prod\.usersync exists and was not written by usersync sandbox/);
    assert.equal(readFileSync(mine, 'utf8'), 'connector prod { }\n');
    const realKey = join(dir, 'hr.google-key.json');
    writeFileSync(realKey, '{"type": "service_account", "client_email": "sync@contoso-prod.iam.gserviceaccount.com"}');
    assert.throws(() => writeSandboxConfig(sb, join(dir, 'hr.usersync')), /is not the sandbox's Google key/);
    assert.ok(!existsSync(join(dir, 'hr.usersync')), 'nothing written when the key is not its own');
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((t: string) => (lines.push(String(t)), true)) as typeof process.stderr.write;
    try {
      assert.equal(await main(['sandbox', '--config-out', mine]), 2, 'refused before the sandbox starts');
    } finally {
      process.stderr.write = write;
    }
    assert.match(lines.join(''), /--config-out: .*prod\.usersync exists and was not written by usersync sandbox/);
  });

  it('the sandbox command refuses bad options with a one-line error', async () => {
    const write = process.stderr.write;
    const lines: string[] = [];
    process.stderr.write = ((s: string) => (lines.push(String(s)), true)) as typeof process.stderr.write;
    try {
      assert.equal(await main(['sandbox', '--users', 'many']), 2);
      assert.equal(await main(['sandbox', '--faults', 'teapot=0.5']), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.match(lines.join(''), /--users must be a whole number/);
    assert.match(lines.join(''), /--faults: unknown fault "teapot"/);
  });
});

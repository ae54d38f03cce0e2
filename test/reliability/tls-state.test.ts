import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { TOKEN_ENV } from '../../server/src/sandbox/config-out';
import { Journal } from '../../server/src/sync/journal/journal';
import { cli } from './cli-capture';
import { startRig, type SandboxRig } from './sandbox-runs';

/**
 * TLS verification is always on, with `ca_file` for a private CA, through `usersync preview`: the Jira
 * target is the sandbox behind an HTTPS proxy whose certificate a test CA signed (test/sync/io/fixtures).
 * And the state file is readable by its owner only.
 */

const FIXTURES = path.join(__dirname, '..', 'sync', 'io', 'fixtures');

/** An HTTPS server that forwards every request to `origin` (the sandbox) as is. */
async function tlsProxy(origin: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = https.createServer(
    {
      key: fs.readFileSync(path.join(FIXTURES, 'server.key')),
      cert: fs.readFileSync(path.join(FIXTURES, 'server.pem')),
    },
    (req, res) => {
      const upstream = http.request(`${origin}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('TLS verification and the state file', function () {
  this.timeout(30_000);
  let rig: SandboxRig;
  let proxy: Awaited<ReturnType<typeof tlsProxy>>;
  before(async () => {
    rig = await startRig({ users: 30, seed: 'tls' });
    proxy = await tlsProxy(rig.sandbox.url);
  });
  after(async () => {
    await proxy?.close();
    await rig?.close();
  });

  /** The sandbox config with the Azure→Jira connector's target behind the proxy, and `extra` settings. */
  const config = (name: string, extra = '') => {
    const file = path.join(rig.dir, `${name}.usersync`);
    const text = fs
      .readFileSync(rig.config, 'utf8')
      .replace(`url   = "${rig.sandbox.urls.jira}"`, `url   = "${proxy.url}/jira"${extra}`);
    assert.ok(text.includes(proxy.url));
    fs.writeFileSync(file, text);
    return file;
  };
  const preview = (file: string, env: Record<string, string> = {}) =>
    cli(['preview', file, '--connector', 'sandbox_azure_jira', '--format', 'json'], { [TOKEN_ENV]: rig.token, ...env });

  it('refuses the self-signed chain without ca_file, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    const file = config('no-ca');
    for (const env of [{}, { NODE_TLS_REJECT_UNAUTHORIZED: '0' }] as Record<string, string>[]) {
      const r = await preview(file, env);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /certificate|self[- ]signed|UNABLE_TO_VERIFY/i);
    }
  });

  it('trusts the private CA given as ca_file and previews through it', async () => {
    const file = config('with-ca', `\n    ca_file = "${path.join(FIXTURES, 'ca.pem')}"`);
    const r = await preview(file);
    assert.equal(r.code, 0, r.stderr);
    assert.ok((JSON.parse(r.stdout) as { stats: { matched: number } }).stats.matched > 0);
  });

  it('creates the state file, its -wal and -shm and its folder for the owner only, and tightens an existing file', async () => {
    const state = path.join(rig.dir, 'fresh', 'state.db');
    const r = await cli(['run', rig.config, '--connector', 'sandbox_okta_confluence', '--yes', '--state', state], {
      [TOKEN_ENV]: rig.token,
    });
    assert.equal(r.code, 0, r.stderr);
    const mode = (f: string) => fs.statSync(f).mode & 0o777;
    assert.equal(mode(path.dirname(state)).toString(8), '700');
    // while a journal has the database open, SQLite's -wal and -shm files exist too
    const journal = Journal.open(state);
    try {
      journal.startRun('probe', 'full');
      const files = fs.readdirSync(path.dirname(state)).sort();
      assert.deepEqual(files, ['state.db', 'state.db-shm', 'state.db-wal']);
      for (const f of files) assert.equal(mode(path.join(path.dirname(state), f)).toString(8), '600', f);
    } finally {
      journal.close();
    }

    const loose = path.join(rig.dir, 'loose.db');
    fs.writeFileSync(loose, '');
    fs.chmodSync(loose, 0o644);
    assert.equal((await cli(['history', rig.config, '--state', loose], { [TOKEN_ENV]: rig.token })).code, 0);
    assert.equal(mode(loose).toString(8), '600');
  });
});

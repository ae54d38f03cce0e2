import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TOKEN_ENV } from '../../server/src/sandbox/config-out';
import { cli, type CliOutput } from './cli-capture';
import { CLI_BIN } from './kill-runs';
import { startRig, type SandboxRig } from './sandbox-runs';

/**
 * Real-looking secrets through every path: the sandbox's one credential (Azure client secret, Okta
 * token, Jira/Confluence PAT) shaped like a GitHub token and like a JWT, a wrong token, literal tokens
 * in the file and the Google service-account key. After validate, preview (text, json, verbose), run
 * (json, verbose, under faults so that retries are logged), history, rollback, a single-user run, the
 * daemon for a few seconds and the failure paths, no output and no byte of the state files (database,
 * -wal, -shm, lock) holds any of them, in any encoding, nor a 16-character piece of one.
 */

const GITHUB_PAT = 'ghp_Zq7Lm2Nx9Rt4Vb8Kc1Pw6Hy3Jd5Fs0Ga2Eu';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2Vyc3luYy1yZWxpYWJpbGl0eSIsImlhdCI6MTcwMDAwMDAwMH0.Xk3pQ9vT2mW8rL5nB1cY7hJ4fD6sA0gE';
const WRONG = 'ghp_Wr0ngT0kenN0tTheSandb0xOne9a8b7c6d5';
const LITERAL = 'eyJhbGciOiJSUzI1NiJ9.eyJsaXRlcmFsIjoidG9rZW4taW4tdGhlLWZpbGUifQ.Lt9Rf3Qw7Zx1Cv5Bn8Mk2Pj4Hg6Ds0Aa';

/** The forms a secret can leak in, and every 16-character piece of it. */
function leakForms(secret: string): string[] {
  const forms = new Set([
    secret,
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ]);
  for (let i = 0; i + 16 <= secret.length; i++) forms.add(secret.slice(i, i + 16));
  return [...forms];
}

/** For each secret found in the text: which one and the longest form that was found. */
function leaks(haystack: string | Buffer, secrets: string[]): string[] {
  const text = typeof haystack === 'string' ? haystack : haystack.toString('latin1');
  return secrets.flatMap((s) => {
    const found = leakForms(s).filter((f) => text.includes(f));
    if (found.length === 0) return [];
    const longest = found.sort((a, b) => b.length - a.length)[0];
    return [`${s.slice(0, 8)}… (${found.length} forms, e.g. "${longest}")`];
  });
}

function daemon(rig: SandboxRig, config: string, ms: number): Promise<CliOutput> {
  const child = spawn(process.execPath, [CLI_BIN, 'daemon', config, '--state', rig.state], {
    env: { ...rig.env, USERSYNC_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGTERM'), ms);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    }),
  );
}

for (const [shape, token] of [
  ['a GitHub token', GITHUB_PAT],
  ['a JWT', JWT],
] as const) {
  describe(`secrets shaped like ${shape} never reach an output or the state files`, function () {
    this.timeout(60_000);
    let rig: SandboxRig;
    const outputs: { what: string; text: string }[] = [];
    let env: Record<string, string>;
    let keyLines: string[];
    const run = async (what: string, args: string[], withEnv = env) => {
      const r = await cli(args, withEnv);
      outputs.push({ what: `${what} stdout`, text: r.stdout }, { what: `${what} stderr`, text: r.stderr });
      return r;
    };

    before(async () => {
      rig = await startRig({ users: 40, seed: `secrets-${shape}` }, token);
      env = { [TOKEN_ENV]: token };
      keyLines = rig.sandbox.credentials.google.serviceAccountKey.private_key
        .split('\n')
        .filter((l) => l.length > 40 && !l.startsWith('-----'));
    });
    after(() => rig?.close());

    it('through validate, preview, run, history, rollback, a single-user run and the daemon', async () => {
      const cfg = rig.config;
      assert.equal((await run('validate', ['validate', cfg])).code, 0);
      await run('validate json', ['validate', cfg, '--format', 'json']);
      assert.equal((await run('preview', ['preview', cfg, '--verbose'])).code, 0);
      await run('preview json', ['preview', cfg, '--format', 'json']);
      rig.sandbox.setFaults('429=0.05,500=0.05,503=0.05,reset=0.05');
      const applied = await run('run', ['run', cfg, '--yes', '--verbose', '--format', 'json', '--state', rig.state]);
      rig.sandbox.setFaults(undefined);
      assert.equal(applied.code, 0, applied.stderr);
      await run('history', ['history', cfg, '--state', rig.state]);
      const history = await run('history json', ['history', cfg, '--format', 'json', '--state', rig.state]);
      const runs = (JSON.parse(history.stdout) as { runs: { id: number }[] }).runs;
      assert.equal(
        (await run('rollback', ['rollback', cfg, String(runs[0].id), '--yes', '--state', rig.state])).code,
        0,
      );
      const someone = rig.sandbox.people(40).find((p) => p.enabled && !p.guest && rig.sandbox.jiraUser(p.email))!;
      await run('single user', [
        'run',
        cfg,
        '--connector',
        'sandbox_azure_jira',
        '--user',
        someone.email,
        '--yes',
        '--state',
        rig.state,
      ]);
      const everySecond = path.join(rig.dir, 'daemon.usersync');
      fs.writeFileSync(
        everySecond,
        fs.readFileSync(cfg, 'utf8').replace(/schedule "[^"]+"/g, 'schedule "* * * * * *"'),
      );
      const d = await daemon(rig, everySecond, 4000);
      outputs.push({ what: 'daemon stdout', text: d.stdout }, { what: 'daemon stderr', text: d.stderr });
      assert.equal(d.code, 0, d.stderr);
      assert.match(d.stdout, /run \d+ ok/, 'the daemon ran a connector');
    });

    it('through the failure paths: a refused token, and an HTTP error with --verbose', async () => {
      const refused = await run('refused', ['preview', rig.config, '--verbose'], { [TOKEN_ENV]: WRONG });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /401/);
      const lost = path.join(rig.dir, 'lost.usersync');
      fs.writeFileSync(
        lost,
        fs.readFileSync(rig.config, 'utf8').replace(/(url\s+= "[^"]+\/jira)"/, '$1"  companion_path = "/rest/nowhere"'),
      );
      const failing = await run('failing', ['run', lost, '--yes', '--verbose', '--state', rig.state]);
      assert.match(failing.stderr, /404/);
      assert.notEqual(failing.code, 0);
    });

    it('through the errors of a file with literal tokens (a stray copy makes the parser quote it)', async () => {
      const file = path.join(rig.dir, 'literal.usersync');
      fs.writeFileSync(
        file,
        fs
          .readFileSync(rig.config, 'utf8')
          .replace(
            /(target jira \{\s+url\s+= "[^"]+"\s+token\s+=) env\("USERSYNC_SANDBOX_TOKEN"\)/,
            `$1 "${LITERAL}" "${LITERAL}"`,
          ),
      );
      assert.ok(fs.readFileSync(file, 'utf8').includes(LITERAL));
      for (const args of [
        ['validate', file],
        ['validate', file, '--format', 'json'],
        ['preview', file],
        ['run', file, '--yes', '--state', rig.state],
      ]) {
        const r = await run(`${args[0]} literal`, args);
        assert.notEqual(r.code, 0, 'the file has a syntax error');
      }
    });

    it('leaves no secret in any output', () => {
      const found = outputs.flatMap((o) =>
        leaks(o.text, [token, WRONG, LITERAL, ...keyLines]).map((l) => `${o.what}: ${l}`),
      );
      assert.deepEqual(found, []);
    });

    it('leaves no secret in the state files, the write-ahead log included', () => {
      const dir = path.dirname(rig.state);
      const files = fs.readdirSync(dir);
      assert.ok(files.includes('state.db'));
      const found = files.flatMap((f) =>
        leaks(fs.readFileSync(path.join(dir, f)), [token, WRONG, LITERAL, ...keyLines]).map((l) => `${f}: ${l}`),
      );
      assert.deepEqual(found, []);
    });
  });
}

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/server';
import { TOKEN_ENV, writeSandboxConfig } from '../../../server/src/sandbox/config-out';
import type { AtlassianUser } from '../../../server/src/sandbox/targets';
import type { Plan } from '../../../server/src/sync/plan/plan-types';
import type { RunReport } from '../../../server/src/sync/engine/report';
import { acquireLock } from '../../../server/src/sync/journal/lock';
import { allOutput, runCli, runJson } from './cli-harness';
import { removeDir, tempDir } from './tmp';

/**
 * The sync commands end to end against the sandbox, one IdP→target pair per connector of the sandbox
 * config: preview, run, preview again (nothing left), rollback (the target is as before). Then single-user
 * runs, history, the refusals (no --yes without a terminal, lock held, config errors) and the secret check.
 */

const SECRET = 'sbx-Secret-7f3a9c1e5b';
const CONNECTORS = [
  { name: 'sandbox_azure_jira', product: 'jira' },
  { name: 'sandbox_okta_confluence', product: 'confluence' },
  { name: 'sandbox_google_jira', product: 'jira' },
] as const;

describe('sync CLI against the sandbox', function () {
  let sandbox: Sandbox;
  let dir: string;
  let config: string;
  let state: string;
  let savedToken: string | undefined;

  before(async () => {
    sandbox = await startSandbox({ users: 40, seed: 11, token: SECRET, rateLimits: false });
    dir = tempDir();
    config = path.join(dir, 'sandbox.usersync');
    writeSandboxConfig(sandbox, config);
    state = path.join(dir, '.usersync', 'state.db');
    savedToken = process.env[TOKEN_ENV];
    process.env[TOKEN_ENV] = SECRET;
  });
  after(async () => {
    if (savedToken === undefined) Reflect.deleteProperty(process.env, TOKEN_ENV);
    else process.env[TOKEN_ENV] = savedToken;
    await sandbox?.close();
    removeDir(dir);
  });

  const users = (product: 'jira' | 'confluence'): AtlassianUser[] =>
    product === 'jira' ? sandbox.jiraUsers() : sandbox.confluenceUsers();

  for (const { name, product } of CONNECTORS) {
    it(`${name}: preview, run, preview again shows no changes, rollback restores the target`, async () => {
      const before = users(product);
      const first = await runJson<Plan>(['preview', config, '--connector', name, '--format', 'json']);
      assert.equal(first.code, 0, first.stderr);
      assert.ok(first.data.changes.length > 0, 'the seeded target has stale values');
      assert.ok(first.data.changes.every((c) => c.connector === name));

      const run = await runJson<{ runs: RunReport[] }>([
        'run',
        config,
        '--connector',
        name,
        '--yes',
        '--format',
        'json',
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.data.runs[0].status, 'ok');
      assert.equal(run.data.runs[0].stats.changes, first.data.changes.length);

      const second = await runJson<Plan>(['preview', config, '--connector', name, '--format', 'json']);
      assert.deepEqual(second.data.changes, []);
      assert.equal(second.data.stats.unchanged, second.data.stats.matched);

      const runId = run.data.runs[0].runId;
      const rollback = await runCli(['rollback', config, String(runId), '--yes']);
      assert.equal(rollback.code, 0, rollback.stderr);
      assert.match(rollback.stdout, /0 changed since/);
      assert.deepEqual(users(product), before);

      // a second rollback of the same run says why there is nothing left, and journals no empty run
      const rollbackId = /: run (\d+) ok \(rollback\)/.exec(rollback.stdout)?.[1];
      const again = await runCli(['rollback', config, String(runId), '--yes']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, new RegExp(`\\nrun ${runId} was already rolled back by run ${rollbackId} \\(`));
      assert.match(again.stdout, /\nnothing to restore; nothing was written\n$/);
      const history = await runJson<{ runs: { id: number }[] }>(['history', config, '--format', 'json']);
      assert.equal(history.data.runs[0].id, Number(rollbackId));
    });
  }

  it('preview --format markdown is a comment for a pull request: the counts and a table of the changes', async () => {
    const r = await runCli(['preview', config, '--connector', 'sandbox_okta_confluence', '--format', 'markdown']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^### usersync preview\n\n#### `sandbox_okta_confluence` → confluence\n\n\d+ IdP users: /);
    assert.match(
      r.stdout,
      /\n\| user \| key \| before \| after \|\n\| --- \| --- \| --- \| --- \|\n\| \S+@contoso\.com \| /,
    );
  });

  it('--user changes exactly that user', async () => {
    const [one, other] = sandbox.people(40).filter((p) => !p.guest && p.enabled && sandbox.jiraUser(p.email));
    sandbox.updateUser(one.email, { department: 'Single User Dept' });
    sandbox.updateUser(other.email, { department: 'Other User Dept' });
    const before = sandbox.jiraUsers();
    const r = await runJson<{ runs: RunReport[] }>([
      'run',
      config,
      '--connector',
      'sandbox_azure_jira',
      '--user',
      one.email,
      '--yes',
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.data.runs[0].trigger, 'user');
    const after = sandbox.jiraUsers();
    const changed = after.filter((u, i) => JSON.stringify(u.properties) !== JSON.stringify(before[i].properties));
    assert.deepEqual(
      changed.map((u) => u.username),
      [one.email.toLowerCase()],
    );
    assert.equal(sandbox.jiraUser(one.email)?.properties.Department, 'Single User Dept');
    assert.notEqual(sandbox.jiraUser(other.email)?.properties.Department, 'Other User Dept');
  });

  it('prints a readable preview grouped by user with a summary line', async () => {
    const r = await runCli(['preview', config, '--connector', 'sandbox_azure_jira']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^sandbox_azure_jira → jira$/m);
    assert.match(r.stdout, /Department\s+\S.*→\s+Other User Dept/);
    assert.match(r.stdout, /^\s+value-rejected\s+\S+@contoso\.com Office: value is \d+ characters/m);
    assert.match(
      r.stdout,
      /\d+ IdP users: \d+ matched, \d+ missing in target, \d+ skipped, \d+ unchanged; \d+ users to change/,
    );
  });

  it('refuses to write without --yes when stdin is not a terminal, and writes nothing', async () => {
    const before = sandbox.jiraUsers();
    const r = await runCli(['run', config, '--connector', 'sandbox_azure_jira']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pass --yes/);
    assert.deepEqual(sandbox.jiraUsers(), before);
  });

  it('refuses --user with --pinned (one or the other) before reading anything', async () => {
    for (const command of [['preview'], ['run', '--yes']]) {
      const r = await runCli([...command, config, '--user', 'someone@contoso.com', '--pinned']);
      assert.equal(r.code, 2, command[0]);
      assert.match(r.stderr, /option '--pinned' cannot be used with option '--user <login>'/, command[0]);
    }
  });

  it('refuses to run while another process holds the state file', async () => {
    const lock = acquireLock(state);
    try {
      const r = await runCli(['run', config, '--connector', 'sandbox_azure_jira', '--yes']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`another run \\(pid ${process.pid}\\) holds the state file`));
    } finally {
      lock.release();
    }
  });

  it('exits 2 and says why when --state is not a state file, and writes nothing', async () => {
    const before = sandbox.jiraUsers();
    for (const command of [
      ['run', config, '--connector', 'sandbox_azure_jira', '--yes'],
      ['history', config],
    ]) {
      const r = await runCli([...command, '--state', dir]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /cannot open the state file .*: it is a directory/);
    }
    const r = await runCli(['rollback', config, '1', '--yes', '--state', config]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /sandbox\.usersync is not a usersync state file/);
    assert.deepEqual(sandbox.jiraUsers(), before);
  });

  it('lists the runs in history, newest first', async () => {
    const r = await runJson<{ runs: { id: number; trigger: string; status: string; connector: string }[] }>([
      'history',
      config,
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0);
    const triggers = r.data.runs.map((x) => x.trigger);
    assert.deepEqual(triggers.slice(0, 2), ['user', 'rollback']);
    assert.equal(triggers.filter((t) => t === 'full').length, 3);
    const text = await runCli(['history', config]);
    assert.match(text.stdout, /^ID\s+CONNECTOR\s+TRIGGER\s+STARTED\s+DURATION\s+STATUS/);
  });

  it('history --run lists what one run wrote, and --user what was written to one user, newest first', async () => {
    type Write = { runId: number; username: string; key: string; before: string | null; after: string | null };
    const { data } = await runJson<{ runs: { id: number; trigger: string; connector: string }[] }>([
      'history',
      config,
      '--format',
      'json',
    ]);
    const full = data.runs.find((r) => r.trigger === 'full' && r.connector === 'sandbox_azure_jira');
    assert.ok(full, 'a full run of the Entra ID connector');
    const run = await runJson<{ run: { id: number }; writes: Write[] }>([
      'history',
      config,
      '--run',
      String(full.id),
      '--format',
      'json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.data.run.id, full.id);
    assert.ok(run.data.writes.length > 0 && run.data.writes.every((w) => w.runId === full.id));
    const text = await runCli(['history', config, '--run', String(full.id)]);
    assert.match(text.stdout, /^USER\s+KEY\s+BEFORE\s+AFTER\s+STATUS$/m);

    const user = run.data.writes[0].username;
    const mine = await runJson<{ writes: Write[] }>([
      'history',
      config,
      '--user',
      user.toUpperCase(),
      '--format',
      'json',
    ]);
    assert.equal(mine.code, 0, mine.stderr);
    assert.ok(mine.data.writes.every((w) => w.username === user));
    assert.ok(mine.data.writes.some((w) => w.runId === full.id));
    const runs = mine.data.writes.map((w) => w.runId);
    assert.deepEqual(
      runs,
      [...runs].sort((a, b) => b - a),
    );
    const rolledBack = data.runs.find((r) => r.trigger === 'rollback' && r.connector === 'sandbox_azure_jira');
    assert.ok(rolledBack && runs.includes(rolledBack.id), 'the rollback wrote the same user back');

    assert.equal((await runCli(['history', config, '--run', '1', '--user', user])).code, 2);
    const none = await runCli(['history', config, '--run', '9999']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /there is no run 9999 in /);
  });

  it('stops before writing when the clear guard trips (exit 3), and writes with --force', async () => {
    const guarded = path.join(dir, 'guarded.usersync');
    const text = fs
      .readFileSync(config, 'utf8')
      .replace('on_empty = keep', 'on_empty = clear')
      .replace(/map property "Department"\s*= department/, 'map property "Department" = "" ');
    fs.writeFileSync(guarded, text);
    const before = sandbox.jiraUsers();
    const r = await runCli(['run', guarded, '--connector', 'sandbox_azure_jira', '--yes', '--state', state]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /guarded — the plan clears values of \d+ of \d+ users/);
    assert.deepEqual(sandbox.jiraUsers(), before);
    const forced = await runJson<{ runs: RunReport[] }>([
      'run',
      guarded,
      '--connector',
      'sandbox_azure_jira',
      '--yes',
      '--force',
      '--format',
      'json',
      '--state',
      state,
    ]);
    assert.equal(forced.code, 0, forced.stderr);
    // every user the IdP returned (enabled accounts: the config filters on accountEnabled) lost its Department
    const kept = sandbox.jiraUsers().filter((u) => u.properties.Department !== undefined);
    assert.ok(
      kept.every((u) => sandbox.person(u.email)?.enabled !== true),
      kept.map((u) => u.username).join(', '),
    );
    assert.ok(kept.length < before.filter((u) => u.properties.Department !== undefined).length);
    assert.ok(forced.data.runs[0].stats.clearedUsers > 0);
  });

  it("runs and rolls back one connector of a file whose other connectors' credentials are not here", async () => {
    // a pod of a per-connector CronJob holds only its own connector's Secret (docs/operations.md)
    const shared = path.join(dir, 'shared.usersync');
    const text = fs.readFileSync(config, 'utf8');
    const at = text.indexOf('connector sandbox_okta_confluence');
    fs.writeFileSync(shared, text.slice(0, at) + text.slice(at).replaceAll(TOKEN_ENV, 'USERSYNC_TEST_NOT_IN_THIS_POD'));
    const own = ['--state', path.join(dir, 'shared-state.db')];

    const whole = await runCli(['preview', shared, ...own]);
    assert.equal(whole.code, 2);
    assert.match(whole.stderr, /setting sandbox_okta_confluence: source okta: token: .*NOT_IN_THIS_POD is not set/);

    sandbox.updateUser(sandbox.people(40).filter((p) => p.enabled && sandbox.jiraUser(p.email))[2].email, {
      department: 'Shared File Dept',
    });
    const before = sandbox.jiraUsers();
    const run = await runJson<{ runs: RunReport[] }>([
      'run',
      shared,
      '--connector',
      'sandbox_azure_jira',
      '--yes',
      '--format',
      'json',
      ...own,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.data.runs[0].stats.changes > 0);
    const rollback = await runCli(['rollback', shared, String(run.data.runs[0].runId), '--yes', ...own]);
    assert.equal(rollback.code, 0, rollback.stderr);
    assert.deepEqual(sandbox.jiraUsers(), before);
  });

  it('exits 2 and lists file:line:col code message for a config with errors, credentials redacted', async () => {
    const broken = path.join(dir, 'broken.usersync');
    // the stray second string lands in a syntax error, which names it without quoting it
    const token = '"literal-Pat-9f8e7d6c"';
    fs.writeFileSync(broken, `connector x {\n  source okta { org_url = "https://o"  token = ${token} ${token} }\n}\n`);
    const r = await runCli(['preview', broken]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.usersync:\d+:\d+ [a-z-]+ /);
    assert.ok(!r.stderr.includes('literal-Pat-9f8e7d6c'), r.stderr);
    assert.match(r.stderr, /syntax-error expected '\}', found a quoted string/);
  });

  it('never shows the sandbox token or the Google key in any output or in the journal files', () => {
    const keyLine = sandbox.credentials.google.serviceAccountKey.private_key.split('\n')[1];
    assert.ok(keyLine.length > 40);
    for (const text of allOutput) {
      assert.ok(!text.includes(SECRET), 'a CLI output holds the token');
      assert.ok(!text.includes(keyLine), 'a CLI output holds the Google key');
    }
    for (const f of fs.readdirSync(path.dirname(state))) {
      assert.ok(!fs.readFileSync(path.join(path.dirname(state), f)).includes(SECRET), `${f} holds the token`);
    }
  });
});

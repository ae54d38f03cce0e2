import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/server';
import { TOKEN_ENV, writeSandboxConfig } from '../../../server/src/sandbox/config-out';
import { loadConfig } from '../../../server/src/sync/engine/load-config';
import { runDaemon } from '../../../server/src/sync/engine/daemon';
import type { RunReport } from '../../../server/src/sync/engine/report';
import { Journal } from '../../../server/src/sync/journal/journal';
import { runCli } from '../../cli/run-cli';
import { removeDir, tempDir } from './tmp';

/**
 * The daemon against the sandbox: in-process through the engine (a 1-second croner schedule, stopped by
 * abort), and as the real `usersync daemon` process stopped with SIGTERM (exit 0, journal closed).
 */

const SECRET = 'sbx-Daemon-Secret-42c9e1';
const BIN = path.resolve(__dirname, '../../../bin/usersync.js');

/**
 * `usersync daemon <args>` from the sources with the sandbox token: its output (stdout, stderr, and both in the
 * order they came), `seen(re, from)` resolving once `re` matches the output from `from` on, and its exit code.
 */
function startDaemon(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'daemon', ...args], {
    env: { ...process.env, [TOKEN_ENV]: SECRET, USERSYNC_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '', all: '' };
  const waiters: (() => void)[] = [];
  const take = (stream: 'stdout' | 'stderr') => (d: Buffer) => {
    output[stream] += d.toString();
    output.all += d.toString();
    for (const w of waiters) w();
  };
  child.stdout.on('data', take('stdout'));
  child.stderr.on('data', take('stderr'));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const seen = (re: RegExp, from = 0) =>
    new Promise<void>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`${why}: no ${re} in:\n${output.all.slice(from)}`));
      };
      const timer = setTimeout(() => fail('15 s passed'), 15_000);
      void exited.then(() => fail('the daemon exited'));
      const check = () => re.test(output.all.slice(from)) && (clearTimeout(timer), resolve());
      waiters.push(check);
      check();
    });
  return { child, output, seen, exited };
}

describe('daemon against the sandbox', function () {
  let sandbox: Sandbox;
  let dir: string;
  let config: string;

  before(async () => {
    sandbox = await startSandbox({ users: 20, seed: 5, token: SECRET, rateLimits: false });
    dir = tempDir();
    config = path.join(dir, 'daemon.usersync');
    writeSandboxConfig(sandbox, config);
    // the Azure connector every second; the others keep their six-hourly schedules
    fs.writeFileSync(
      config,
      fs.readFileSync(config, 'utf8').replace('schedule "0 */6 * * *"', 'schedule "* * * * * *"'),
    );
  });
  after(async () => {
    await sandbox?.close();
    removeDir(dir);
  });

  it('runs a connector on a one-second schedule and stops cleanly on abort', async () => {
    const loaded = loadConfig(config, { env: { ...process.env, [TOKEN_ENV]: SECRET } });
    const journal = Journal.open(path.join(dir, 'engine-state.db'), { redact: loaded.redact });
    const controller = new AbortController();
    const reports: RunReport[] = [];
    const logs: string[] = [];
    try {
      await runDaemon(loaded.connectors, {
        journal,
        configDir: dir,
        signal: controller.signal,
        log: (level, m) => logs.push(`${level} ${m}`),
        onRun: (r) => {
          reports.push(r);
          controller.abort();
        },
      });
    } finally {
      journal.close();
    }
    assert.deepEqual(
      reports.map((r) => [r.connector, r.trigger, r.status]),
      [['sandbox_azure_jira', 'schedule', 'ok']],
    );
    assert.ok(reports[0].stats.updated > 0);
    assert.equal(logs.at(-1), 'info stopped');
    assert.ok(!logs.join('\n').includes(SECRET));
  });

  it('`usersync daemon` exits 0 on SIGTERM after a scheduled run, with timestamped, redacted log lines', async () => {
    const daemon = startDaemon([config]);
    await daemon.seen(/sandbox_azure_jira: run \d+ ok/);
    daemon.child.kill('SIGTERM');
    const code = await daemon.exited;
    const { stdout, stderr } = daemon.output;
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    assert.match(stdout, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info  sandbox_azure_jira: run \d+ ok/m);
    assert.match(stdout, /info  received SIGTERM/);
    assert.match(stdout, /info  stopped\n$/);
    assert.ok(!stdout.includes(SECRET) && !stderr.includes(SECRET));
    const state = path.join(dir, '.usersync', 'state.db');
    assert.ok(!fs.existsSync(`${state}.lock`), 'the lock was released');
  });

  it('`usersync daemon` reloads its file on SIGHUP, and refuses a file with errors while it goes on', async () => {
    const file = path.join(dir, 'reload.usersync');
    writeSandboxConfig(sandbox, file);
    const everySecond = (text: string, schedule: string) => text.replace(schedule, 'schedule "* * * * * *"');
    const generated = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, everySecond(generated, 'schedule "0 */6 * * *"'));
    const { child, output, seen, exited } = startDaemon([file, '--state', path.join(dir, 'reload.db')]);
    try {
      await seen(/sandbox_azure_jira: run \d+ ok/);

      fs.writeFileSync(file, `${generated}\nconnector broken {\n`);
      child.kill('SIGHUP');
      await seen(/error reload refused; the configuration in use goes on: .*reload\.usersync/);
      await seen(/sandbox_azure_jira: run \d+ ok/, output.all.length); // it goes on with the configuration in use

      fs.writeFileSync(file, everySecond(generated, 'schedule "20 */6 * * *"'));
      child.kill('SIGHUP');
      await seen(/info {2}reloaded .*reload\.usersync/);
      await seen(/sandbox_okta_confluence: run \d+ ok/);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output.all);
    const afterReload = output.all.slice(output.all.lastIndexOf('reloaded'));
    assert.match(afterReload, /sandbox_okta_confluence: scheduled "\* \* \* \* \* \*"/);
    assert.match(afterReload, /sandbox_azure_jira: scheduled "0 \*\/6 \* \* \*"/);
    assert.ok(!output.all.includes(SECRET));
  });

  it('`usersync daemon --metrics` serves Prometheus metrics read from the journal', async () => {
    const daemon = startDaemon([config, '--state', path.join(dir, 'metrics.db'), '--metrics', '127.0.0.1:0']);
    let body = '';
    let other = 0;
    try {
      await daemon.seen(/metrics at http/);
      await daemon.seen(/sandbox_azure_jira: run \d+ ok/);
      const url = /metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(daemon.output.stdout)?.[1] ?? '';
      assert.ok(url, `the daemon names its metrics address:\n${daemon.output.all}`);
      const res = await fetch(url);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      body = await res.text();
      other = (await fetch(url.replace('/metrics', '/'))).status;
    } finally {
      daemon.child.kill('SIGTERM');
    }
    assert.equal(await daemon.exited, 0, daemon.output.all);
    assert.equal(other, 404);
    const azure = 'connector="sandbox_azure_jira"';
    assert.match(body, new RegExp(`^usersync_connector_scheduled\\{${azure}\\} 1$`, 'm'));
    assert.match(body, new RegExp(`^usersync_runs\\{${azure},status="ok"\\} [1-9]\\d*$`, 'm'));
    const ended = new RegExp(`^usersync_last_run_end_timestamp_seconds\\{${azure},status="ok"\\} ([\\d.]+)$`, 'm');
    assert.ok(Math.abs(Number(ended.exec(body)?.[1]) - Date.now() / 1000) < 60, 'the run ended within the minute');
    assert.match(body, new RegExp(`^usersync_last_run_users_updated\\{${azure},status="ok"\\} \\d+$`, 'm'));
    assert.match(body, /^process_resident_memory_bytes \d+/m);
    for (const bad of ['nope', '127.0.0.1:99999', 'host:']) {
      const r = await runCli(['daemon', config, '--metrics', bad]);
      assert.equal(r.code, 2, `${bad}: ${r.stderr}`);
      assert.match(r.stderr, /--metrics takes \[host:\]port/);
    }
  });

  it('`usersync daemon --connector` schedules that connector alone', async () => {
    const daemon = startDaemon([config, '--connector', 'sandbox_okta_confluence']);
    await daemon.seen(/scheduled/);
    daemon.child.kill('SIGTERM');
    const { stdout } = daemon.output;
    assert.equal(await daemon.exited, 0, stdout);
    assert.deepEqual(
      [...stdout.matchAll(/info {2}(\w+): scheduled/g)].map((m) => m[1]),
      ['sandbox_okta_confluence'],
    );
  });
});

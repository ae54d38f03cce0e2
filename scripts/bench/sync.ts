import { spawn, type ChildProcess } from 'child_process';
import { ENGINE_NODE_FLAGS } from '../../server/src/cli/node-flags';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { build } from 'esbuild';
import { startSandbox } from '../../server/src/sandbox/server';
import { flags, int, mib, ms, RssPoller } from './measure';
import type { DriverResult } from './sync-driver';
import { STRATEGY, TOKEN_ENV, writeBenchConfig, type Idp } from './sync-config';
import { requestsBetween, type RequestKind } from './sync-requests';
import { serviceBetween, serviceSnapshot, watchServiceTime } from './sync-service-time';
import { profileReport, report, type Case, type Measured } from './sync-report';
import { installRecorder, startRecording, stopRecording, type RecordedRequest } from './sync-recorder';
import type { FloorResult } from './sync-floor';

/**
 * Sync benchmark (docs/benchmarks.md): the sandbox with N users, 8 mappings, 10% of the users with a
 * changed value and 2 ms latency per request. A first run brings the target in line; then every tenth
 * person's department changes in the IdP and the second run is measured: users per second, requests by
 * kind against the minimum the engine's strategy needs, engine time against the critical path, and the
 * engine process's peak RSS. The sandbox runs in this process, the engine in a child process (the driver,
 * bundled like the CLI), so that the engine's memory is measured on its own.
 *
 *   npm run bench:sync [-- --quick] [-- --all] [-- --profile]
 *
 * `--all` adds okta and google at 100,000 users; `--case azure:100000,okta:10000` runs just those;
 * `--latency <ms>` changes the sandbox latency (to see how much of the time is not waiting);
 * `--node-args "<flags>"` passes node flags to the measured engine run, after its own (cli/node-flags.ts);
 * `--profile` writes a CPU profile of each measured run and prints its top functions per phase.
 */

const ROOT = path.resolve(__dirname, '..', '..');
/** The engine's default: applier.ts and companion.ts read and write 4 batches at a time. */
const CONCURRENCY = 4;
/** Users per companion read or write (the companion contract's maximum, which the engine uses). */
const BATCH = 100;
const SECRET = 'bench-secret';

interface Options {
  latencyMs: number;
  nodeArgs: string[];
  profileDir?: string;
}

function cases(args: ReturnType<typeof flags>): Case[] {
  const only = args.get('case');
  if (only)
    return only.split(',').map((spec) => {
      const [idp, users] = spec.split(':');
      if (!(idp in STRATEGY) || !(Number(users) > 0)) throw new Error(`--case wants idp:users, e.g. azure:100000`);
      return { idp: idp as Idp, users: Number(users) };
    });
  if (args.has('quick')) return (['azure', 'okta', 'google'] as Idp[]).map((idp) => ({ idp, users: 1000 }));
  const list: Case[] = [
    { idp: 'azure', users: 10_000 },
    { idp: 'okta', users: 10_000 },
    { idp: 'google', users: 10_000 },
    { idp: 'azure', users: 100_000 },
  ];
  if (args.has('all')) list.push({ idp: 'okta', users: 100_000 }, { idp: 'google', users: 100_000 });
  return list;
}

async function main(): Promise<void> {
  const args = flags(process.argv.slice(2));
  watchServiceTime();
  installRecorder();
  const work = mkdtempSync(path.join(tmpdir(), 'usersync-bench-sync-'));
  const options: Options = {
    latencyMs: Number(args.get('latency') ?? 2),
    nodeArgs: args.get('node-args')?.split(' ').filter(Boolean) ?? [],
    profileDir: args.has('profile') ? path.join(work, 'profile') : undefined,
  };
  try {
    const driver = await bundle('sync-driver', work);
    const floor = await bundle('sync-floor', work);
    console.log(
      `# Sync benchmark${args.has('quick') ? ' (--quick)' : ''}\n\n` +
        `Machine: ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(2)} at the start. ` +
        `Latency ${options.latencyMs} ms per request, no throttling, no faults; ` +
        `engine concurrency ${CONCURRENCY} (its default).\n`,
    );
    const results: Measured[] = [];
    for (const c of cases(args)) {
      const m = await measureCase(c, { driver, floor }, work, options);
      results.push(m);
      const peaks = Object.entries(m.driver.memoryPeaks).map(([k, v]) => `${k} ${mib(v)}`);
      console.error(`${c.idp} ${int(c.users)}: ${ms(m.driver.engineMs)}, peak ${peaks.join(', ')}`);
    }
    console.log(report(results, { latencyMs: options.latencyMs, concurrency: CONCURRENCY }));
    if (options.profileDir) console.log(profileReport(options.profileDir, results));
  } finally {
    if (!options.profileDir) rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The driver (or the floor client) bundled like `npm run build` bundles the CLI: no TypeScript is
 * compiled while measuring.
 */
async function bundle(name: string, dir: string): Promise<string> {
  const outfile = path.join(dir, `${name}.js`);
  await build({
    entryPoints: [path.join(__dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}

async function measureCase(
  c: Case,
  { driver, floor }: { driver: string; floor: string },
  work: string,
  o: Options,
): Promise<Measured> {
  const sandbox = await startSandbox({
    users: c.users,
    seed: 1,
    latencyMs: o.latencyMs,
    rateLimits: false,
    token: SECRET,
  });
  const dir = mkdtempSync(path.join(work, `${c.idp}-${c.users}-`));
  try {
    const config = writeBenchConfig(sandbox, c.idp, dir);
    const state = path.join(dir, 'state.db');
    const { connector, pageSize, tokens } = STRATEGY[c.idp];
    await runDriver(driver, [config, connector, state]); // brings the target in line with the IdP
    for (const p of sandbox.people()) {
      if (p.index % 10 === 0) sandbox.updateUser(p.email, { department: `${p.department ?? 'Staff'} East` });
    }
    const before = sandbox.stats();
    const serviceBefore = serviceSnapshot();
    const cpuBefore = process.cpuUsage();
    const profileDir = o.profileDir && path.join(o.profileDir, `${c.idp}-${c.users}`);
    startRecording();
    const run = await runDriver(driver, [config, connector, state], [...o.nodeArgs, ...cpuProf(profileDir)]);
    const recorded = stopRecording();
    const cpu = process.cpuUsage(cpuBefore);
    const { byKind, routes } = requestsBetween(before, sandbox.stats());
    const service = serviceBetween(serviceBefore, serviceSnapshot()); // before the floor client adds its own
    const floorCpuBefore = process.cpuUsage();
    const floorResult = await runFloor(floor, sandbox.url, recorded, o.nodeArgs);
    const floorSandboxCpuMs = cpuMs(process.cpuUsage(floorCpuBefore));
    const s = run.result.stats;
    const minimum: Record<RequestKind, number> = {
      token: tokens,
      idpPages: Math.ceil(s.idpUsers / pageSize),
      perUser: 0,
      targetReads: Math.ceil((s.idpUsers - s.skipped) / BATCH),
      targetWrites: Math.ceil(s.changedUsers / BATCH),
      other: 0,
    };
    const sequential = minimum.token + minimum.idpPages;
    const criticalMs = (sequential + (minimum.targetReads + minimum.targetWrites) / CONCURRENCY) * o.latencyMs;
    return {
      c,
      driver: run.result,
      processMs: run.processMs,
      sandboxCpuMs: cpuMs(cpu),
      floor: { ...floorResult, sandboxCpuMs: floorSandboxCpuMs },
      peakMiB: run.peakMiB,
      requests: byKind,
      minimum,
      criticalMs,
      service,
      routes,
      profile: profileDir && path.join(profileDir, readdirSync(profileDir)[0]),
    };
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true }); // config, sandbox key and journal; profiles stay in `work`
  }
}

const cpuProf = (dir: string | undefined): string[] => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

/**
 * The floor client (sync-floor.ts) sends the measured run's requests again, on the engine's flags, once
 * the run is over: the target already holds the new values, so the answers are the same size.
 */
async function runFloor(
  floor: string,
  origin: string,
  recorded: RecordedRequest[],
  nodeArgs: string[],
): Promise<FloorResult> {
  const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, ...nodeArgs, floor, origin, String(CONCURRENCY)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin!.end(JSON.stringify(recorded));
  const result = await lastJsonLine<FloorResult>(child, 'the floor client');
  if (result.failed > 0)
    throw new Error(`the floor client's replay got ${result.failed} failures: ${result.firstFailure}`);
  return result;
}

async function runDriver(
  driver: string,
  args: string[],
  nodeArgs: string[] = [],
): Promise<{ result: DriverResult; processMs: number; peakMiB: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, ...nodeArgs, driver, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [TOKEN_ENV]: SECRET, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  const rss = new RssPoller(child.pid!, 20);
  const result = await lastJsonLine<DriverResult>(child, 'the engine run').finally(() => rss.stop());
  const processMs = performance.now() - start;
  // the driver's own VmHWM covers the last moments the poller may have missed
  return { result, processMs, peakMiB: Math.max(rss.peakMiB(), result.maxRssKiB / 1024) };
}

/** Waits for a child process to exit and reads the JSON line it printed last; its stderr names a failure. */
async function lastJsonLine<T>(child: ChildProcess, what: string): Promise<T> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${what} failed (exit ${code}): ${err.trim().slice(-2000)}`);
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as T;
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:sync failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

import * as path from 'path';
import { performance } from 'perf_hooks';
import { loadConfig } from '../../server/src/sync/engine/load-config';
import { applyPlanned, planConnector } from '../../server/src/sync/engine/run';
import { Journal } from '../../server/src/sync/journal/journal';
import { memoryOf } from './measure';

/**
 * The engine side of the sync benchmark, in its own process so that its memory is measured apart from
 * the sandbox: load the config, lock the journal, plan (read the IdP, read the target, diff), apply with
 * the engine's default concurrency — what `usersync run --yes` does — and print one JSON line with the
 * timings and the plan's figures.
 *
 *   node sync-driver.js <config> <connector> <state.db>
 */

export interface DriverResult {
  /** ms from the start of planning to the end of applying. */
  engineMs: number;
  loadMs: number;
  /** ms from the start of planning to the plan (IdP pages, evaluation, target reads and diffs interleave). */
  planMs: number;
  applyMs: number;
  stats: Record<string, number>;
  status: string;
  notDone: number;
  warnings: number;
  /** Peak RSS of this process (VmHWM; getrusage only where /proc is missing), in KiB. */
  maxRssKiB: number;
  /** Highest value of each process.memoryUsage() field seen (sampled every 50 ms), in MiB. */
  memoryPeaks: Record<string, number>;
  /** Monotonic µs at the start of planning (the clock of --cpu-prof profiles). */
  clockStartUs: number;
  /** CPU time of this process during planning and applying (user + system). */
  engineCpuMs: number;
}

async function main(argv: string[]): Promise<void> {
  const [file, connectorName, state] = argv;
  const t0 = performance.now();
  const config = loadConfig(file, { connector: connectorName });
  const journal = Journal.open(path.resolve(state), { redact: config.redact });
  const lock = journal.lock();
  const memoryPeaks: Record<string, number> = {};
  const sampleMemory = () => {
    for (const [k, v] of Object.entries(process.memoryUsage()))
      memoryPeaks[k] = Math.max(memoryPeaks[k] ?? 0, v / 2 ** 20);
  };
  const sampler = setInterval(sampleMemory, 50);
  const connector = config.connectors[0];
  const loadMs = performance.now() - t0;
  const start = performance.now();
  const clockStartUs = Number(process.hrtime.bigint() / 1000n);
  const cpuStart = process.cpuUsage();
  try {
    const planned = await planConnector(connector, { configDir: path.dirname(config.file) });
    const planMs = performance.now() - start;
    const report = await applyPlanned(planned, { journal });
    const engineMs = performance.now() - start;
    sampleMemory();
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuStart);
    const result: DriverResult = {
      engineMs,
      loadMs,
      planMs,
      applyMs: engineMs - planMs,
      stats: { ...report.stats },
      status: report.status,
      notDone: report.notDone.length,
      warnings: report.warnings.length,
      maxRssKiB: peakRssKiB(),
      memoryPeaks,
      clockStartUs,
      engineCpuMs: (cpu.user + cpu.system) / 1000,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    lock.release();
    journal.close();
  }
}

/**
 * This process's peak RSS: VmHWM, which belongs to the address space the engine runs in. Not getrusage's
 * maxRSS: Linux carries that over exec() from the forked copy of the parent, so it would report the
 * benchmark process (the sandbox and its caches) whenever that is the larger of the two.
 */
function peakRssKiB(): number {
  const hwm = memoryOf(process.pid)?.hwmKiB;
  return hwm !== undefined && Number.isFinite(hwm) ? hwm : process.resourceUsage().maxRSS;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`sync-driver: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

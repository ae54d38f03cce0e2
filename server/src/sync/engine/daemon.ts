import { Cron } from 'croner';
import type { RunnableConnector } from '../types';
import type { Journal } from '../journal/journal';
import { LockHeldError } from '../journal/lock';
import { redactor } from '../secrets';
import type { LogFn } from './events';
import type { EngineIo } from './io';
import { runConnector } from './run';
import type { RunReport } from './report';
import { prunedCount, summaryLine } from './summary';

/**
 * Scheduled runs: one croner job per connector with a `schedule`. A tick while that connector still
 * runs is skipped with a log line; runs of different connectors queue behind each other (one run per
 * state file). Abort stops scheduling, lets the run in flight finish its batch, then resolves; `until` stops
 * scheduling and lets the run in flight finish whole (the CLI reloads the configuration that way). With
 * `pruneOlderThanMs`, old runs are pruned from the journal after a run, once a day.
 */

export interface DaemonOptions extends EngineIo {
  journal: Journal;
  configDir: string;
  signal: AbortSignal;
  log: LogFn;
  concurrency?: number;
  onRun?: (report: RunReport) => void;
  /** After a run, at most once a day: remove the runs that ended longer ago than this (`--prune-older-than`). */
  pruneOlderThanMs?: number;
  /**
   * Stops scheduling without aborting the run in flight, which finishes whole (a reload of the configuration);
   * `signal` stops scheduling and asks the run in flight to stop after its batch.
   */
  until?: AbortSignal;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class NoScheduleError extends Error {
  constructor() {
    super('no connector has a schedule; nothing for the daemon to do');
  }
}

export async function runDaemon(connectors: RunnableConnector[], options: DaemonOptions): Promise<void> {
  const scheduled = connectors.filter((c) => c.schedule);
  for (const c of connectors.filter((c) => !c.schedule))
    options.log('info', `${c.name}: no schedule; the daemon does not run it`);
  if (scheduled.length === 0) throw new NoScheduleError();
  if (options.signal.aborted) return;

  const busy = new Set<string>();
  const prune = dailyPrune(options);
  let queue: Promise<void> = Promise.resolve();
  let halted = false;
  const tick = (c: RunnableConnector): void => {
    if (halted) return;
    if (busy.has(c.name)) {
      options.log('info', `${c.name}: previous run still in progress; tick skipped`);
      return;
    }
    busy.add(c.name);
    queue = queue
      .then(async () => {
        if (halted) return;
        await runOnce(c, options);
        prune();
      })
      .finally(() => busy.delete(c.name));
  };
  const jobs = scheduled.map((c) => new Cron(c.schedule as string, () => tick(c)));
  for (const c of scheduled)
    options.log(
      'info',
      `${c.name}: scheduled "${c.schedule}", next run ${jobs[scheduled.indexOf(c)].nextRun()?.toISOString() ?? 'never'}`,
    );

  await new Promise<void>((resolve) => {
    for (const s of [options.signal, options.until]) {
      if (s?.aborted) resolve();
      s?.addEventListener('abort', () => resolve(), { once: true });
    }
  });
  halted = true;
  for (const job of jobs) job.stop();
  const stopping = options.signal.aborted;
  options.log(
    'info',
    stopping
      ? 'stopping: no new runs; waiting for the run in flight'
      : 'no new runs under the configuration in use; waiting for the run in flight',
  );
  await queue;
  if (stopping || options.signal.aborted) options.log('info', 'stopped');
}

/** Prunes the journal when a day has passed since the last prune (the first time: after the first run). */
function dailyPrune(options: DaemonOptions): () => void {
  let last = -Infinity;
  return () => {
    const keep = options.pruneOlderThanMs;
    if (keep === undefined || Date.now() - last < DAY_MS) return;
    last = Date.now();
    try {
      const lock = options.journal.lock();
      try {
        const before = new Date(Date.now() - keep).toISOString();
        options.log('info', `pruned ${prunedCount(options.journal.prune(before))} that ended before ${before}`);
      } finally {
        lock.release();
      }
    } catch (e) {
      options.log('warn', `prune skipped: ${(e as Error).message}`);
    }
  };
}

async function runOnce(c: RunnableConnector, options: DaemonOptions): Promise<void> {
  const redact = redactor(c.secrets);
  options.log('info', `${c.name}: run started`);
  try {
    const report = await runConnector(c, {
      ...options,
      incremental: true,
      onProgress: undefined,
    });
    if (report) {
      options.log(report.status === 'ok' ? 'info' : 'warn', summaryLine(report));
      for (const n of report.notDone.slice(0, 20))
        options.log('warn', redact(`${c.name}: ${n.username}: ${n.status}: ${n.message}`));
      if (report.notDone.length > 20)
        options.log('warn', `${c.name}: … and ${report.notDone.length - 20} more users not done`);
      options.onRun?.(report);
    }
  } catch (e) {
    const why = e instanceof LockHeldError ? `skipped: ${e.message}` : `failed: ${(e as Error).message}`;
    options.log('error', redact(`${c.name}: run ${why}`));
  }
}

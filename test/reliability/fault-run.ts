import type { SandboxStats } from '../../server/src/sandbox/server';
import { Journal } from '../../server/src/sync/journal/journal';
import type { PlannedChange } from '../../server/src/sync/plan/plan-types';
import { differingUsers, runAll, startRig, targetState, TEST_HTTP, type ConnectorRun } from './sandbox-runs';

/**
 * A full run of every connector against a sandbox with faults, compared with the same run against a
 * sandbox without (same seed, same people): same plans, same end state, every planned change in the
 * journal with its before and after and status done, every user not done named with a reason, and a
 * second run with nothing left to do. Returns the problems found and the figures.
 */

export interface FaultRunOptions {
  users: number;
  seed: string;
  faults: string;
  /** IdP page size (small pages mean more requests, hence more faults). */
  pageSize?: number;
  http?: typeof TEST_HTTP;
}

export interface FaultRunResult {
  problems: string[];
  cleanMs: number;
  faultyMs: number;
  stats: SandboxStats;
  changes: number;
  updatedUsers: number;
  notDone: { connector: string; username: string; status: string; message: string }[];
  journalRows: number;
}

const row = (c: Pick<PlannedChange, 'user' | 'kind' | 'key' | 'before' | 'after'>) =>
  JSON.stringify([c.user, c.kind, c.key, c.before, c.after]);

export async function faultRun(options: FaultRunOptions): Promise<FaultRunResult> {
  const http = options.http ?? TEST_HTTP;
  const clean = await startRig({ users: options.users, seed: options.seed });
  const faulty = await startRig({ users: options.users, seed: options.seed, faults: options.faults });
  try {
    let t = Date.now();
    const cleanRuns = await runAll(clean, http, options.pageSize);
    const cleanMs = Date.now() - t;
    t = Date.now();
    const runs = await runAll(faulty, http, options.pageSize);
    const faultyMs = Date.now() - t;
    const problems: string[] = [];
    const result: FaultRunResult = {
      problems,
      cleanMs,
      faultyMs,
      stats: faulty.sandbox.stats(),
      changes: runs.reduce((n, r) => n + r.plan.changes.length, 0),
      updatedUsers: runs.reduce((n, r) => n + r.report.stats.updated, 0),
      notDone: runs.flatMap((r) => r.report.notDone.map((n) => ({ connector: r.report.connector, ...n }))),
      journalRows: 0,
    };
    if (JSON.stringify(runs.map((r) => r.plan.changes)) !== JSON.stringify(cleanRuns.map((r) => r.plan.changes)))
      problems.push('the plans under faults differ from the clean plans');
    const undone = new Set(result.notDone.map((n) => n.username));
    for (const n of result.notDone) if (!n.message) problems.push(`${n.username} is not done and no reason is given`);
    for (const u of differingUsers(targetState(clean.sandbox), targetState(faulty.sandbox)))
      if (!undone.has(u.slice(u.indexOf(':') + 1)))
        problems.push(`${u} differs from the clean run but is not reported`);
    result.journalRows = checkJournal(faulty.state, runs, problems);
    const again = await runAll(faulty, http, options.pageSize);
    const left = again.reduce((n, r) => n + r.plan.changes.length, 0);
    if (left > 0 && result.notDone.length === 0) problems.push(`a second run still plans ${left} changes`);
    if (differingUsers(targetState(clean.sandbox), targetState(faulty.sandbox)).length > 0)
      problems.push('after a second run the end state still differs from the clean run');
    return result;
  } finally {
    await clean.close();
    await faulty.close();
  }
}

/** Every planned change of each run is a journal row with its before and after; returns the row count. */
function checkJournal(state: string, runs: ConnectorRun[], problems: string[]): number {
  const journal = Journal.open(state);
  let rows = 0;
  try {
    for (const { plan, report } of runs) {
      const writes = journal.writesOf(report.runId);
      rows += writes.length;
      const journaled = writes.map((w) => row({ ...w, user: w.username })).sort();
      if (JSON.stringify(journaled) !== JSON.stringify(plan.changes.map(row).sort()))
        problems.push(`${report.connector}: the journal rows are not the planned changes`);
      const undone = new Set(report.notDone.map((n) => n.username));
      for (const w of writes) {
        const expected = undone.has(w.username) ? 'not done' : 'done';
        if ((w.status === 'done') !== (expected === 'done'))
          problems.push(`${report.connector}: ${w.username} ${w.key} is journaled ${w.status}, expected ${expected}`);
      }
    }
  } finally {
    journal.close();
  }
  return rows;
}

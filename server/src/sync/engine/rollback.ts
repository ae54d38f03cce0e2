import type { RunnableConnector, TargetUser, TargetWriter } from '../types';
import type { Plan, PlannedChange } from '../plan/plan-types';
import { emptyStats } from '../plan/plan-types';
import type { Journal, RunRecord, WriteRecord } from '../journal/journal';
import type { ProgressFn } from './events';
import { openIo, type EngineIo } from './io';
import { applyPlan } from './apply-plan';
import type { RunReport } from './report';

/**
 * Undo a run: every write the run completed is restored to its `before` value (unset when there was
 * none) only if the target still holds exactly what the run wrote; anything changed since is left
 * alone and reported. The rollback is itself a journaled run (trigger 'rollback', no clear guard).
 */

export interface ChangedSince {
  user: string;
  kind: WriteRecord['kind'];
  key: string;
  written: string | null;
  current: string | null;
}

export interface RollbackPlan {
  runId: number;
  /** Earlier rollbacks of the same run: with nothing left to restore, the reason. */
  rolledBackBy: RunRecord[];
  plan: Plan;
  changedSince: ChangedSince[];
  target: TargetWriter;
  throttles: () => number;
  /** How long reading the target took (counted in the rollback run's duration). */
  planMs: number;
}

export interface RollbackOptions extends EngineIo {
  journal: Journal;
  configDir: string;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  concurrency?: number;
}

export class RollbackError extends Error {}

/** Reads the target and decides what can be restored; writes nothing. */
export async function planRollback(
  connector: RunnableConnector,
  runId: number,
  options: RollbackOptions,
): Promise<RollbackPlan> {
  const began = performance.now();
  const run = options.journal.run(runId);
  if (!run) throw new RollbackError(`there is no run ${runId} in the journal`);
  if (run.connector !== connector.name)
    throw new RollbackError(`run ${runId} belongs to connector '${run.connector}', not '${connector.name}'`);
  const done = options.journal.writesOf(runId).filter((w) => w.status === 'done');
  const io = openIo(connector, options.configDir, options, options.signal);
  const usernames = [...new Set(done.map((w) => w.username))];
  const current = usernames.length
    ? await io.target.read(usernames, { signal: options.signal })
    : { users: [], missing: [] };
  const byName = new Map(current.users.map((u) => [u.username.toLowerCase(), u]));
  const changes: PlannedChange[] = [];
  const changedSince: ChangedSince[] = [];
  for (const w of done) {
    const user = byName.get(w.username.toLowerCase());
    const now = user ? valueOf(user, w.kind, w.key) : null;
    if (!user || now !== w.after) {
      changedSince.push({ user: w.username, kind: w.kind, key: w.key, written: w.after, current: user ? now : null });
      continue;
    }
    if (w.before !== now)
      changes.push({
        connector: connector.name,
        user: user.username,
        kind: w.kind,
        key: w.key,
        before: now,
        after: w.before,
      });
  }
  const stats = emptyStats();
  stats.matched = byName.size;
  stats.changes = changes.length;
  stats.clears = changes.filter((c) => c.after === null).length;
  stats.changedUsers = new Set(changes.map((c) => c.user)).size;
  stats.unchanged = stats.matched - stats.changedUsers;
  return {
    runId,
    rolledBackBy: options.journal.rollbacksOf(runId),
    plan: { changes, warnings: [], stats },
    changedSince,
    target: io.target,
    throttles: io.throttles,
    planMs: performance.now() - began,
  };
}

export async function applyRollback(
  connector: RunnableConnector,
  rollback: RollbackPlan,
  options: RollbackOptions,
): Promise<RunReport> {
  return applyPlan(connector, rollback.plan, rollback.target, {
    journal: options.journal,
    trigger: 'rollback',
    force: true,
    concurrency: options.concurrency,
    signal: options.signal,
    onProgress: options.onProgress,
    throttles: rollback.throttles,
    planMs: rollback.planMs,
    note: { rollbackOf: rollback.runId, changedSince: rollback.changedSince.length },
  });
}

function valueOf(user: TargetUser, kind: WriteRecord['kind'], key: string): string | null {
  const store = kind === 'property' ? user.properties : user.profile;
  return Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null;
}

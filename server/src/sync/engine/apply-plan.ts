import type { RunnableConnector, TargetWriter } from '../types';
import type { Plan, PlannedChange } from '../plan/plan-types';
import { checkClearGuard } from '../plan/guard';
import { toUserChanges } from '../plan/user-changes';
import { applyChanges } from '../apply/applier';
import type { Journal, RunTrigger, WriteStatus } from '../journal/journal';
import type { ProgressFn } from './events';
import { namedUsersNotDone } from './named-users';
import { runStatus, type RunReport } from './report';

/**
 * A plan → a journaled run. The clear guard is checked first (a guarded run is journaled with no
 * writes); each batch's key-level intents are recorded 'pending' before it is sent and settled with
 * the target's per-user answer afterwards. In a run for named users, a named user the plan could not
 * cover is not done (named-users.ts).
 */

export interface ApplyPlanOptions {
  journal: Journal;
  trigger: RunTrigger;
  force?: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  throttles?: () => number;
  /** Extra fields for the journal's stats column (a rollback names the run it undoes). */
  note?: Record<string, unknown>;
  /** How long reading and planning took before this (counted in the run's duration). */
  planMs?: number;
}

export async function applyPlan(
  connector: RunnableConnector,
  plan: Plan,
  target: TargetWriter,
  options: ApplyPlanOptions,
): Promise<RunReport> {
  const { journal } = options;
  const runId = journal.startRun(connector.name, options.trigger, options.planMs);
  const named =
    options.trigger === 'user' ? namedUsersNotDone(plan.warnings) : { notDone: [], warnings: plan.warnings };
  const report = (fields: Pick<RunReport, 'status' | 'notDone'> & { updated: number; guard?: string }): RunReport => {
    const stats = { ...plan.stats, updated: fields.updated, notDone: fields.notDone.length };
    journal.finishRun(runId, fields.status, {
      ...options.note,
      ...stats,
      warnings: named.warnings.length,
      ...(fields.guard ? { guard: fields.guard } : {}),
    });
    return {
      runId,
      connector: connector.name,
      trigger: options.trigger,
      status: fields.status,
      stats,
      notDone: fields.notDone,
      warnings: named.warnings,
      ...(fields.guard ? { guard: fields.guard } : {}),
    };
  };

  const guard = checkClearGuard(plan, connector.clearGuard);
  if (guard.tripped && !options.force)
    return report({ status: 'guarded', notDone: named.notDone, updated: 0, guard: guard.message });

  const rowsByUser = new Map<string, PlannedChange[]>();
  for (const c of plan.changes) {
    const rows = rowsByUser.get(c.user);
    if (rows) rows.push(c);
    else rowsByUser.set(c.user, [c]);
  }
  const pending = new Map<string, number[]>();
  try {
    const outcome = await applyChanges(target, toUserChanges(plan.changes), {
      concurrency: options.concurrency,
      signal: options.signal,
      onProgress: options.onProgress,
      throttleCount: options.throttles,
      // One transaction per batch for its intents (committed before the batch is sent), one for its outcome.
      onBatchStart: (batch) => {
        const ids = journal.recordPendingGroups(
          runId,
          batch.map((uc) =>
            (rowsByUser.get(uc.username) ?? []).map(({ user, kind, key, before, after }) => ({
              username: user,
              kind,
              key,
              before,
              after,
            })),
          ),
        );
        batch.forEach((uc, i) => pending.set(uc.username, ids[i]));
      },
      onBatchDone: (_batch, results) => {
        journal.settleAll(
          results.map((r) => {
            const status: WriteStatus = r.status === 'updated' ? 'done' : r.status;
            const ids = pending.get(r.username) ?? [];
            pending.delete(r.username);
            return { ids, status, message: r.message };
          }),
        );
      },
    });
    const notDone = [...named.notDone, ...outcome.notDone];
    return report({
      status: runStatus(outcome.updated.length, notDone, outcome.aborted),
      notDone,
      updated: outcome.updated.length,
    });
  } catch (e) {
    journal.finishRun(runId, 'error', { ...plan.stats, error: (e as Error).message });
    throw e;
  }
}

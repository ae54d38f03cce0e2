import type { RunnableConnector, TargetWriter } from '../types';
import type { Plan, PlannedChange } from '../plan/plan-types';
import { checkClearGuard } from '../plan/guard';
import { toUserChanges } from '../plan/user-changes';
import { applyChanges } from '../apply/applier';
import type { Journal, RunTrigger, WriteStatus } from '../journal/journal';
import type { ProgressFn } from './events';
import { runStatus, type RunReport } from './report';

/**
 * A plan → a journaled run. The clear guard is checked first (a guarded run is journaled with no
 * writes); each batch's key-level intents are recorded 'pending' before it is sent and settled with
 * the target's per-user answer afterwards.
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
}

export async function applyPlan(
  connector: RunnableConnector,
  plan: Plan,
  target: TargetWriter,
  options: ApplyPlanOptions,
): Promise<RunReport> {
  const { journal } = options;
  const runId = journal.startRun(connector.name, options.trigger);
  const report = (fields: Pick<RunReport, 'status' | 'notDone'> & { updated: number; guard?: string }): RunReport => {
    const stats = { ...plan.stats, updated: fields.updated, notDone: fields.notDone.length };
    journal.finishRun(runId, fields.status, {
      ...options.note,
      ...stats,
      warnings: plan.warnings.length,
      ...(fields.guard ? { guard: fields.guard } : {}),
    });
    return {
      runId,
      connector: connector.name,
      trigger: options.trigger,
      status: fields.status,
      stats,
      notDone: fields.notDone,
      warnings: plan.warnings,
      ...(fields.guard ? { guard: fields.guard } : {}),
    };
  };

  const guard = checkClearGuard(plan, connector.clearGuard);
  if (guard.tripped && !options.force)
    return report({ status: 'guarded', notDone: [], updated: 0, guard: guard.message });

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
      onBatchStart: (batch) => {
        for (const uc of batch) {
          const rows = rowsByUser.get(uc.username) ?? [];
          pending.set(
            uc.username,
            journal.recordPending(
              runId,
              rows.map(({ user, kind, key, before, after }) => ({ username: user, kind, key, before, after })),
            ),
          );
        }
      },
      onBatchDone: (_batch, results) => {
        for (const r of results) {
          const status: WriteStatus = r.status === 'updated' ? 'done' : r.status;
          journal.settle(pending.get(r.username) ?? [], status, r.message);
        }
      },
    });
    return report({
      status: runStatus(outcome.updated.length, outcome.notDone, outcome.aborted),
      notDone: outcome.notDone,
      updated: outcome.updated.length,
    });
  } catch (e) {
    journal.finishRun(runId, 'error', { ...plan.stats, error: (e as Error).message });
    throw e;
  }
}

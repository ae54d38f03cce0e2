import type { PlanStats, PlanWarning } from '../plan/plan-types';
import type { NotDone } from '../apply/applier';
import type { RunStatus, RunTrigger } from '../journal/journal';

/**
 * A run's outcome, for the CLI's final report, the daemon's log line, the journal's stats column and
 * the exit code: ok (everything applied), partial/failed (some/all users not applied), aborted,
 * guarded (the clear guard stopped it before writing).
 */

export interface RunReport {
  runId: number;
  connector: string;
  trigger: RunTrigger;
  status: RunStatus;
  stats: PlanStats & { updated: number; notDone: number };
  /** Every user the run meant to change but did not, and why. */
  notDone: NotDone[];
  warnings: PlanWarning[];
  /** Set when the clear guard stopped the run. */
  guard?: string;
}

export function runStatus(updated: number, notDone: NotDone[], aborted: boolean): RunStatus {
  if (aborted) return 'aborted';
  if (notDone.length === 0) return 'ok';
  return updated > 0 ? 'partial' : 'failed';
}

/** CLI exit code for a set of reports: 3 guard, 1 users not applied, 0 all applied. */
export function exitCodeOf(reports: RunReport[]): number {
  if (reports.some((r) => r.status === 'guarded')) return 3;
  if (reports.some((r) => r.notDone.length > 0 || r.status === 'error')) return 1;
  return 0;
}

import type { NotDone } from '../apply/applier';
import type { PlanWarning, PlanWarningCode } from '../plan/plan-types';

/**
 * A run for users named by login (`--user`, `--pinned`, the editor's Sync this user) was asked for those
 * users. One that the IdP or the target lacks, or that the plan had to skip, is not done: the run fails
 * (exit 1) and its report says why, where a full run only warns, since it meets such people every time
 * (IdP accounts without an Atlassian account).
 */
const NOT_DONE: Partial<Record<PlanWarningCode, NotDone['status']>> = {
  'missing-in-idp': 'not_found',
  'missing-in-target': 'not_found',
  'user-collision': 'skipped',
  'empty-match': 'skipped',
};

/** The plan's warnings split into the named users not done and the warnings that stay warnings. */
export function namedUsersNotDone(warnings: readonly PlanWarning[]): { notDone: NotDone[]; warnings: PlanWarning[] } {
  const notDone: NotDone[] = [];
  const rest: PlanWarning[] = [];
  for (const w of warnings) {
    const status = NOT_DONE[w.code];
    if (status && w.user !== undefined) notDone.push({ username: w.user, status, message: w.message });
    else rest.push(w);
  }
  return { notDone, warnings: rest };
}

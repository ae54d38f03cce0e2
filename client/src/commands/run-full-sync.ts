import type { Services } from '../services';
import { syncTarget, type SyncOutcome } from '../sync-flow';
import { resolveTarget } from '../targets';
import { requireTrust } from '../trust';

/** UserSync: Run full sync — lens {uri, connector} or palette (asks which connector when there are several). */
export function runFullSync(s: Services) {
  return async (arg?: unknown): Promise<SyncOutcome | undefined> => {
    if (!requireTrust('Running a sync')) return undefined;
    const target = await resolveTarget(arg, { needsUser: false, allowAll: true });
    return target ? syncTarget(s, target) : undefined;
  };
}

import type { Services } from '../services';
import { syncTarget, type SyncOutcome } from '../sync-flow';
import { resolveTarget } from '../targets';
import { requireTrust } from '../trust';

/** UserSync: Sync this user — lens {uri, connector, user}, or palette (asks for a login, offering pinned users). */
export function syncUser(s: Services) {
  return async (arg?: unknown): Promise<SyncOutcome | undefined> => {
    if (!requireTrust('Syncing a user')) return undefined;
    const target = await resolveTarget(arg, { needsUser: true, allowAll: false });
    return target ? syncTarget(s, target) : undefined;
  };
}

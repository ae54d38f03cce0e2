import type { Services } from '../services';
import type { SyncOutcome } from '../sync-flow';
import { resolveTarget } from '../targets';
import { requireTrust } from '../trust';
import { showPreview } from './preview-sync';

/** UserSync: Preview this user — the preview for one IdP login (lens or palette). */
export function previewUser(s: Services) {
  return async (arg?: unknown): Promise<SyncOutcome | undefined> => {
    if (!requireTrust('Previewing a user')) return undefined;
    const target = await resolveTarget(arg, { needsUser: true, allowAll: false });
    return target ? showPreview(s, target) : undefined;
  };
}

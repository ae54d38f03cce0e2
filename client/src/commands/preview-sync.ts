import type { Services } from '../services';
import { planSummary, plural } from '../results';
import { failed, planTarget, withEngine, type SyncOutcome } from '../sync-flow';
import { describe, resolveTarget, type SyncTarget } from '../targets';
import { requireTrust } from '../trust';

/** UserSync: Preview sync — plans without writing and shows the before/after table (with Apply). */
export function previewSync(s: Services) {
  return async (arg?: unknown): Promise<SyncOutcome | undefined> => {
    if (!requireTrust('Previewing a sync')) return undefined;
    const target = await resolveTarget(arg, { needsUser: false, allowAll: true });
    return target ? showPreview(s, target) : undefined;
  };
}

export async function showPreview(s: Services, target: SyncTarget): Promise<SyncOutcome> {
  const r = await withEngine(`previewing ${describe(target)}`, (progress, token) =>
    planTarget(s, target, token, progress),
  );
  if (!r.value) return failed(s, target, r);
  const plan = r.value;
  s.status.set(target.uri, {
    text: `preview: ${plural(plan.stats.changes, 'change')}`,
    detail: planSummary(plan.stats),
    ok: true,
  });
  s.preview.show(target, plan);
  return { plan };
}

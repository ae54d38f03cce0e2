import type { TargetUser } from '../types';
import type { PlannedChange } from './plan-types';
import type { DesiredUser } from './desired';

/**
 * Desired against current, key by key: a change only where they differ. An empty IdP value never
 * clears under on_empty = keep; under clear it unsets a key the target holds (`after: null`).
 */
export function diffUser(
  connector: string,
  desired: DesiredUser,
  current: TargetUser,
  onEmpty: 'keep' | 'clear',
): PlannedChange[] {
  const out: PlannedChange[] = [];
  for (const d of desired.values) {
    const store = d.kind === 'property' ? current.properties : current.profile;
    const before = Object.prototype.hasOwnProperty.call(store, d.key) ? store[d.key] : null;
    if (d.value === undefined) {
      if (onEmpty === 'clear' && before !== null) {
        out.push({ connector, user: current.username, kind: d.kind, key: d.key, before, after: null });
      }
    } else if (before !== d.value) {
      out.push({ connector, user: current.username, kind: d.kind, key: d.key, before, after: d.value });
    }
  }
  return out;
}

import type { UserChange } from '../types';
import type { PlannedChange } from './plan-types';

/** Key-level plan rows → one UserChange per user (the companion endpoint's unit), in plan order. */
export function toUserChanges(changes: PlannedChange[]): UserChange[] {
  const byUser = new Map<string, UserChange>();
  for (const c of changes) {
    let uc = byUser.get(c.user);
    if (!uc) {
      uc = { username: c.user, set: {}, unset: {} };
      byUser.set(c.user, uc);
    }
    const group = c.kind === 'property' ? 'properties' : 'profile';
    if (c.after === null) {
      (uc.unset[group] ??= []).push(c.key);
    } else {
      (uc.set[group] ??= {})[c.key] = c.after;
    }
  }
  return [...byUser.values()];
}

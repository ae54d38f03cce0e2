import type { PlanWarning } from './plan-types';
import type { DesiredUser } from './desired';

/**
 * Atlassian usernames are case-insensitive: two IdP users whose match values differ only in case
 * would write to the same account. Neither is synced; each gets a warning naming the other.
 */
export function dropCollisions(connector: string, users: DesiredUser[], warnings: PlanWarning[]): DesiredUser[] {
  const byName = new Map<string, DesiredUser[]>();
  for (const u of users) {
    const key = u.username.toLowerCase();
    const group = byName.get(key);
    if (group) group.push(u);
    else byName.set(key, [u]);
  }
  const kept: DesiredUser[] = [];
  for (const group of byName.values()) {
    if (group.length === 1) {
      kept.push(group[0]);
      continue;
    }
    const ids = group.map((u) => u.idpId).join(', ');
    for (const u of group) {
      warnings.push({
        connector,
        user: u.username,
        code: 'user-collision',
        message: `${group.length} IdP users (${ids}) match the Atlassian username '${u.username}'; none of them is synced`,
      });
    }
  }
  return kept;
}

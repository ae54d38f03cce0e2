import type { IdpUser, RunnableConnector, TargetUser, TargetWriter } from '../types';
import type { ProgressFn } from '../engine/events';
import { emptyStats, type Plan, type PlannedChange, type PlanWarning } from './plan-types';
import { defaultEvaluator, type Evaluator } from './evaluator';
import { desiredUser, mappingWarnings, type DesiredUser } from './desired';
import { dropCollisions } from './collisions';
import { absentAttributeWarnings } from './absent-attributes';
import { diffUser } from './diff';

/**
 * Plans a connector over IdP users already read: evaluate, drop collisions, read current values from
 * the target in one bulk call (the writer batches by 100), diff. Reading everything first is what makes
 * the case-insensitive collision check possible; the plan itself never writes.
 */

export interface PlanOptions {
  signal?: AbortSignal;
  evaluate?: Evaluator;
  onProgress?: ProgressFn;
}

export async function planUsers(
  connector: RunnableConnector,
  idpUsers: IdpUser[],
  target: TargetWriter,
  options: PlanOptions = {},
): Promise<Plan> {
  const evaluate = options.evaluate ?? defaultEvaluator;
  const warnings: PlanWarning[] = mappingWarnings(connector);
  const stats = emptyStats();
  stats.idpUsers = idpUsers.length;

  const desired: DesiredUser[] = [];
  for (const user of idpUsers) {
    const d = desiredUser(connector, user, evaluate, warnings);
    if (d) desired.push(d);
  }
  warnings.push(...absentAttributeWarnings(connector, desired));
  const unique = dropCollisions(connector.name, desired, warnings);
  stats.skipped = idpUsers.length - unique.length;

  options.onProgress?.({ phase: 'read-target', done: 0, total: unique.length });
  const current =
    unique.length === 0
      ? { users: [] as TargetUser[], missing: [] as string[] }
      : await target.read(
          unique.map((u) => u.username),
          { signal: options.signal },
        );
  options.onProgress?.({ phase: 'read-target', done: unique.length, total: unique.length });
  const byName = new Map(current.users.map((u) => [u.username.toLowerCase(), u]));

  const changes: PlannedChange[] = [];
  for (const d of unique) {
    const target = byName.get(d.username.toLowerCase());
    if (!target) {
      stats.missing++;
      warnings.push({
        connector: connector.name,
        user: d.username,
        code: 'missing-in-target',
        message: `${connector.target.type} has no user '${d.username}'`,
      });
      continue;
    }
    stats.matched++;
    const userChanges = diffUser(connector.name, d, target, connector.onEmpty);
    if (userChanges.length === 0) {
      stats.unchanged++;
      continue;
    }
    stats.changedUsers++;
    const clears = userChanges.filter((c) => c.after === null).length;
    stats.clears += clears;
    if (clears > 0) stats.clearedUsers++;
    changes.push(...userChanges);
  }
  stats.changes = changes.length;
  options.onProgress?.({ phase: 'plan', done: unique.length, total: unique.length });
  return { changes, warnings, stats };
}

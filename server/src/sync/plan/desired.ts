import type { IdpUser, RunnableConnector } from '../types';
import type { ChangeKind, PlanWarning } from './plan-types';
import type { Evaluator } from './evaluator';
import { applyLimits, unsupportedMapping } from './target-limits';

/**
 * Turns one IdP user into a match username and the values the target should hold. A blank value
 * counts as empty (Jira rejects blank property values, Confluence removes blank profile fields).
 * Status (disabled, deprovisioned, suspended) is not looked at: such users are synced as data too.
 */

export interface DesiredValue {
  kind: ChangeKind;
  key: string;
  /** undefined: the IdP gave nothing (on_empty decides). */
  value: string | undefined;
}

export interface DesiredUser {
  idpId: string;
  username: string;
  values: DesiredValue[];
}

export function desiredUser(
  connector: RunnableConnector,
  user: IdpUser,
  evaluate: Evaluator,
  warnings: PlanWarning[],
): DesiredUser | undefined {
  const base = { connector: connector.name };
  const match = evaluate(connector.match, user.raw);
  const username = match.value?.trim();
  if (!username) {
    warnings.push({
      ...base,
      user: user.id,
      code: 'empty-match',
      message: `IdP user ${user.id} has no match username${match.warnings.length ? ` (${match.warnings.join('; ')})` : ''}; skipped`,
    });
    return undefined;
  }
  const values: DesiredValue[] = [];
  for (const mapping of activeMappings(connector)) {
    const result = evaluate(mapping.expr, user.raw);
    for (const text of result.warnings) {
      warnings.push({ ...base, user: username, key: mapping.key, code: 'evaluation', message: text });
    }
    const raw = result.value !== undefined && result.value.trim() !== '' ? result.value : undefined;
    if (raw === undefined) {
      values.push({ kind: mapping.kind, key: mapping.key, value: undefined });
      continue;
    }
    const verdict = applyLimits(connector, mapping.kind, mapping.key, raw);
    if (verdict.warning) warnings.push({ ...base, user: username, key: mapping.key, ...verdict.warning });
    if (verdict.action === 'write') values.push({ kind: mapping.kind, key: mapping.key, value: verdict.value });
  }
  return { idpId: user.id, username, values };
}

interface ActiveMappings {
  of: RunnableConnector['mappings'];
  target: RunnableConnector['target'];
  list: RunnableConnector['mappings'];
}
const active = new WeakMap<RunnableConnector, ActiveMappings>();

/** The mappings the target can hold, the first of duplicates only; worked out once per connector. */
function activeMappings(connector: RunnableConnector): RunnableConnector['mappings'] {
  const cached = active.get(connector);
  if (cached && cached.of === connector.mappings && cached.target === connector.target) return cached.list;
  const seen = new Set<string>();
  const list = connector.mappings.filter((m) => {
    if (unsupportedMapping(connector, m.kind, m.key)) return false;
    if (seen.has(`${m.kind}:${m.key}`)) return false; // duplicates: the first mapping wins
    seen.add(`${m.kind}:${m.key}`);
    return true;
  });
  active.set(connector, { of: connector.mappings, target: connector.target, list });
  return list;
}

/** Warnings for mappings the target cannot hold, once per connector rather than once per user. */
export function mappingWarnings(connector: RunnableConnector): PlanWarning[] {
  const out: PlanWarning[] = [];
  for (const m of connector.mappings) {
    const reason = unsupportedMapping(connector, m.kind, m.key);
    if (reason) out.push({ connector: connector.name, key: m.key, code: 'unsupported-mapping', message: reason });
  }
  return out;
}

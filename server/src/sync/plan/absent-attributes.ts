import type { RunnableConnector } from '../types';
import type { PlanWarning } from './plan-types';
import type { DesiredUser } from './desired';

/**
 * A mapping that yields nothing for every user read usually means the IdP does not return the
 * attribute at all (Graph needs $select, Google's basic projection omits customSchemas, a missing
 * permission). One warning per such mapping; a single user without a value is normal and not warned.
 */
export function absentAttributeWarnings(connector: RunnableConnector, users: DesiredUser[]): PlanWarning[] {
  if (users.length < 2) return []; // one user without a value says nothing about the IdP
  const out: PlanWarning[] = [];
  for (const m of connector.mappings) {
    if (m.expr.kind === 'string') continue;
    const anyValue = users.some((u) =>
      u.values.some((v) => v.kind === m.kind && v.key === m.key && v.value !== undefined),
    );
    const rejectedOnly = users.every((u) => !u.values.some((v) => v.kind === m.kind && v.key === m.key));
    if (anyValue || rejectedOnly) continue;
    out.push({
      connector: connector.name,
      key: m.key,
      code: 'attribute-missing',
      message: `none of the ${users.length} IdP users read has a value for ${m.kind} ${m.key}; check that the IdP returns this attribute (permissions, selected fields)`,
    });
  }
  return out;
}

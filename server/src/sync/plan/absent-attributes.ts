import type { RunnableConnector } from '../types';
import type { PlanWarning } from './plan-types';
import type { DesiredUser } from './desired';

/**
 * A mapping that yields nothing for every user read usually means the IdP does not return the
 * attribute at all (Graph needs $select, Google's basic projection omits customSchemas, a missing
 * permission). One warning per such mapping; a single user without a value is normal and not warned.
 * Counted user by user as pages arrive, so that no user has to be kept for it.
 */
export class AbsentAttributes {
  private users = 0;
  /** Keys seen with a value / seen at all (a rejected value leaves no entry), by kind. */
  private readonly withValue = { property: new Set<string>(), profile: new Set<string>() };
  private readonly withEntry = { property: new Set<string>(), profile: new Set<string>() };

  constructor(private readonly connector: RunnableConnector) {}

  add(user: DesiredUser): void {
    this.users++;
    for (const v of user.values) {
      this.withEntry[v.kind].add(v.key);
      if (v.value !== undefined) this.withValue[v.kind].add(v.key);
    }
  }

  warnings(): PlanWarning[] {
    if (this.users < 2) return []; // one user without a value says nothing about the IdP
    const out: PlanWarning[] = [];
    for (const m of this.connector.mappings) {
      if (m.expr.kind === 'string') continue;
      if (this.withValue[m.kind].has(m.key) || !this.withEntry[m.kind].has(m.key)) continue;
      out.push({
        connector: this.connector.name,
        key: m.key,
        code: 'attribute-missing',
        message: `none of the ${this.users} IdP users read has a value for ${m.kind} ${m.key}; check that the IdP returns this attribute (permissions, selected fields)`,
      });
    }
    return out;
  }
}

export function absentAttributeWarnings(connector: RunnableConnector, users: DesiredUser[]): PlanWarning[] {
  const absent = new AbsentAttributes(connector);
  for (const u of users) absent.add(u);
  return absent.warnings();
}

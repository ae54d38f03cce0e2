import type { Plan, PlanStats, PlanWarning } from '../../sync/plan/plan-types';
import { emptyStats } from '../../sync/plan/plan-types';
import { cell, columns, plural } from './printer';

/**
 * The plan as people read it (rows grouped by user: key, before → after; long values cut with an
 * ellipsis; warnings grouped by code and capped) and as programs read it (`--format json`: every
 * change and warning, stats summed over connectors).
 */

export interface ConnectorPlanView {
  connector: string;
  target: string;
  plan: Plan;
  /** Pinned users the connector is limited to (none: everyone the source returns). */
  pinned?: string[];
}

const WARNINGS_PER_CODE = 5;

export function renderPlan(views: ConnectorPlanView[]): string {
  const lines: string[] = [];
  for (const v of views) {
    lines.push(`${v.connector} → ${v.target}`);
    if (v.pinned?.length) lines.push(`  limited to pinned users: ${v.pinned.join(', ')}`);
    const byUser = new Map<string, Plan['changes']>();
    for (const c of v.plan.changes) byUser.set(c.user, [...(byUser.get(c.user) ?? []), c]);
    if (byUser.size === 0) lines.push('  no changes');
    for (const [user, changes] of byUser) {
      lines.push(`  ${user}`);
      const rows = changes.map((c) => [
        `    ${c.kind === 'profile' ? `profile ${c.key}` : c.key}`,
        cell(c.before),
        '→',
        c.after === null ? '(clear)' : cell(c.after),
      ]);
      lines.push(...columns(rows));
    }
    lines.push(...renderWarnings(v.plan.warnings));
    lines.push(`  ${summary(v.plan.stats)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function summary(s: PlanStats): string {
  return (
    `${plural(s.idpUsers, 'IdP user')}: ${s.matched} matched, ${s.missing} missing in target, ${s.skipped} skipped, ` +
    `${s.unchanged} unchanged; ${plural(s.changedUsers, 'user')} to change (${plural(s.changes, 'change')}, ${plural(s.clears, 'clear')})`
  );
}

export function renderWarnings(warnings: PlanWarning[]): string[] {
  if (warnings.length === 0) return [];
  const byCode = new Map<string, PlanWarning[]>();
  for (const w of warnings) byCode.set(w.code, [...(byCode.get(w.code) ?? []), w]);
  const lines = [`  ${plural(warnings.length, 'warning')}:`];
  for (const [code, list] of byCode) {
    for (const w of list.slice(0, WARNINGS_PER_CODE)) {
      const who = [w.user, w.key].filter((x) => x !== undefined).join(' ');
      lines.push(`    ${code}  ${who ? `${who}: ` : ''}${w.message}`);
    }
    if (list.length > WARNINGS_PER_CODE)
      lines.push(`    ${code}  … and ${list.length - WARNINGS_PER_CODE} more (--format json lists all)`);
  }
  return lines;
}

export function planJson(views: ConnectorPlanView[]): string {
  const stats = emptyStats();
  for (const v of views) for (const k of Object.keys(stats) as (keyof PlanStats)[]) stats[k] += v.plan.stats[k];
  return JSON.stringify(
    {
      changes: views.flatMap((v) => v.plan.changes),
      warnings: views.flatMap((v) => v.plan.warnings),
      stats,
    },
    null,
    2,
  );
}

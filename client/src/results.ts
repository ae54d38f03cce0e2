import type { Plan, PlanStats } from '../../server/src/sync/plan/plan-types';
import type { HistoryRow } from '../../server/src/cli/output/history-view';
import type { RunReport } from '../../server/src/sync/engine/report';
import type { WriteRecord } from '../../server/src/sync/journal/journal';

/** The CLI's JSON outputs (`preview|run|history --format json`) and how the extension words them. */

export type PreviewJson = Plan;

export interface RunsJson {
  runs: RunReport[];
}

/** `usersync history --format json`: the rows the CLI prints as a table. */
export interface HistoryJson {
  runs: HistoryRow[];
}

/** `usersync history --run N --format json`: the run's row and every value it wrote. */
export interface RunWritesJson {
  run: HistoryRow;
  writes: WriteRecord[];
}

/** `usersync history --user L --format json`: every value written to one user, newest first. */
export interface UserWritesJson {
  writes: (WriteRecord & { connector: string })[];
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function planSummary(s: PlanStats): string {
  return (
    `${plural(s.changes, 'change')} for ${plural(s.changedUsers, 'user')} ` +
    `(${plural(s.idpUsers, 'IdP user')} read, ${s.matched} matched, ${s.missing} missing in the target, ${s.unchanged} unchanged` +
    `${s.clears > 0 ? `, ${plural(s.clears, 'clear')}` : ''})`
  );
}

/** Up to `max` lines "user: key before → after" for the confirmation dialog. */
export function planLines(plan: Plan, max = 15): string[] {
  const show = (v: string | null): string =>
    v === null ? '(empty)' : JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  const lines = plan.changes
    .slice(0, max)
    .map(
      (c) =>
        `${c.user}: ${c.kind === 'profile' ? `profile ${c.key}` : c.key} ${show(c.before)} → ${c.after === null ? '(clear)' : show(c.after)}`,
    );
  if (plan.changes.length > max) lines.push(`… and ${plan.changes.length - max} more`);
  return lines;
}

export function runsSummary(runs: RunReport[]): { text: string; detail: string; ok: boolean } {
  const updated = runs.reduce((n, r) => n + r.stats.updated, 0);
  const notDone = runs.reduce((n, r) => n + r.notDone.length, 0);
  const ok = runs.every((r) => r.status === 'ok');
  const guarded = runs.find((r) => r.status === 'guarded');
  const text = guarded
    ? `stopped by the clear guard`
    : `${plural(updated, 'user')} updated${notDone > 0 ? `, ${notDone} not done` : ''}`;
  const detail = runs
    .map((r) => {
      const head = `run #${r.runId} ${r.connector}: ${r.status}, ${plural(r.stats.updated, 'user')} updated, ${r.notDone.length} not done`;
      const why = r.notDone
        .slice(0, 10)
        .map((n) => `  ${n.username}: ${n.status}${n.message ? ` — ${n.message}` : ''}`);
      return [head, ...(r.guard ? [`  ${r.guard}`] : []), ...why].join('\n');
    })
    .join('\n');
  return { text, detail, ok };
}

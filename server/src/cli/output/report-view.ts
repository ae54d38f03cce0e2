import type { RunReport } from '../../sync/engine/report';
import { summaryLine } from '../../sync/engine/summary';
import { columns } from './printer';

/** The final report of `run` and `rollback`: one summary line per run and every user not done, with why. */
export function renderReports(reports: RunReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(summaryLine(r));
    if (r.notDone.length > 0) {
      lines.push(`  users not done (${r.notDone.length}):`);
      lines.push(...columns(r.notDone.map((n) => [`    ${n.username}`, n.status, n.message])));
    }
  }
  return lines.join('\n');
}

export function reportsJson(reports: RunReport[]): string {
  return JSON.stringify({ runs: reports }, null, 2);
}

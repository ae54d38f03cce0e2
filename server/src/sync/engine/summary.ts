import type { RunReport } from './report';

/** One line per run for logs and the CLI's final report: status, counts, guard reason. */
export function summaryLine(r: RunReport): string {
  const s = r.stats;
  const head = `${r.connector}: run ${r.runId} ${r.status}`;
  if (r.guard) return `${head} — ${r.guard}`;
  if (r.trigger === 'rollback') {
    return `${head} (rollback) — ${s.updated} user${s.updated === 1 ? '' : 's'} restored, ${s.notDone} not done (${s.changes} values, ${s.clears} unset)`;
  }
  return (
    `${head} — ${s.updated} user${s.updated === 1 ? '' : 's'} updated, ${s.notDone} not done ` +
    `(IdP ${s.idpUsers}, matched ${s.matched}, missing ${s.missing}, skipped ${s.skipped}, unchanged ${s.unchanged}, ` +
    `${s.changes} change${s.changes === 1 ? '' : 's'} incl. ${s.clears} clear${s.clears === 1 ? '' : 's'})`
  );
}

/** What a prune removed (or would): `3 runs and 1 value written`. */
export function prunedCount({ runs, writes }: { runs: number; writes: number }): string {
  return `${runs} run${runs === 1 ? '' : 's'} and ${writes} value${writes === 1 ? '' : 's'} written`;
}

import { nextRuns, validateCron } from '../model/cron';
import type { Schedule } from '../model/model';
import type { Span } from '../text/span';
import type { ConnectorContext } from './context';

/** `schedule "<cron>"`: a 5- or 6-field cron expression croner runs, that fires, and not more than once a minute. */
export function checkSchedule(ctx: ConnectorContext): void {
  for (const item of ctx.connector.items) {
    if (item.kind !== 'schedule' || item.cronSpan.end === item.cronSpan.start) continue;
    const problem = validateCron(item.cron);
    if (problem) {
      const span = problem.field ? cronPart(ctx, item, problem.start, problem.end) : item.cronSpan;
      ctx.out.report('invalid-cron', `${problem.message}`, span);
      continue;
    }
    // the gap between two runs does not depend on the zone; without one croner skips its slow date formatting
    const from = new Date(Date.UTC(2030, 0, 1));
    const runs = nextRuns(item.cron, 2, from);
    if (runs.length === 0) {
      ctx.out.report('cron-never-runs', `"${item.cron}" never fires: no date matches it`, item.cronSpan);
    } else if (runs.length === 2 && runs[1].getTime() - runs[0].getTime() < 60_000) {
      ctx.out.report(
        'frequent-schedule',
        `"${item.cron}" fires more than once a minute; a sync run takes longer than that`,
        item.cronSpan,
      );
    }
  }
}

/** Offsets in the cron text → offsets in the document, when the text stands there verbatim. */
function cronPart(ctx: ConnectorContext, item: Schedule, start: number, end: number): Span {
  const written = ctx.doc.text.slice(item.cronSpan.start, item.cronSpan.end);
  const at = written.indexOf(item.cron);
  if (at < 0 || item.cron === '') return item.cronSpan;
  return { start: item.cronSpan.start + at + start, end: item.cronSpan.start + at + end };
}

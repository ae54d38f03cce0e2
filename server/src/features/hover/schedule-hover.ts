import { describeCron, nextRuns, validateCron } from '../../model/cron';
import type { Span } from '../../text/span';
import type { HoverResult } from './types';

/** Hover on `schedule "…"`: the cron expression in words and the next three times it runs. */
export function scheduleHover(cron: string, span: Span, now: Date = new Date()): HoverResult {
  const problem = validateCron(cron);
  if (problem) return { markdown: `Invalid schedule: ${problem.message}`, span };
  const runs = nextRuns(cron, 3, now);
  const lines = [`**${describeCron(cron) ?? cron}**`, '', '`' + cron + '`'];
  if (runs.length) lines.push('', 'Next runs (local time):', ...runs.map((r) => `- ${formatLocal(r)}`));
  return { markdown: lines.join('\n'), span };
}

/** `2024-05-06 14:00 (Mon)` in the server's local time. */
export function formatLocal(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()];
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (${day})`;
}

import { Cron } from 'croner';
import cronstrue from 'cronstrue';
import { memo } from './memo';

/**
 * Schedules: cron with 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first),
 * as croner reads them (croner is also what runs them). Validation names the field that is wrong.
 */

export interface CronField {
  name: string;
  /** What the field accepts, for messages. */
  accepts: string;
}

const FIELDS: readonly CronField[] = [
  { name: 'second', accepts: '0–59' },
  { name: 'minute', accepts: '0–59' },
  { name: 'hour', accepts: '0–23' },
  { name: 'day-of-month', accepts: '1–31, L or ?' },
  { name: 'month', accepts: '1–12 or JAN–DEC' },
  { name: 'day-of-week', accepts: '0–7 (0 and 7 are Sunday), SUN–SAT, 5#2 or 5L' },
];

const NICKNAMES = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly'];

export interface CronProblem {
  message: string;
  /** The wrong part as offsets into the expression; the whole expression when no one field is to blame. */
  start: number;
  end: number;
  /** The field's name when one field is wrong. */
  field?: string;
}

/** The fields of a 5- or 6-field expression with their offsets; 5-field ones are named from `minute`. */
export function cronFields(expr: string): { text: string; start: number; field: CronField }[] | undefined {
  const parts = [...expr.matchAll(/\S+/g)];
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const names = parts.length === 6 ? FIELDS : FIELDS.slice(1);
  return parts.map((m, i) => ({ text: m[0], start: m.index ?? 0, field: names[i] }));
}

// Results by expression (memo.ts): croner builds a pattern per call, and a workspace repeats the same few
// schedules in every connector.
const problems = new Map<string, CronProblem | undefined>();
const runsCache = new Map<string, Date[]>();

/** Why croner would not run this expression, or undefined when it would. Never throws. */
export function validateCron(expr: string): CronProblem | undefined {
  return memo(problems, expr, () => findCronProblem(expr));
}

function findCronProblem(expr: string): CronProblem | undefined {
  const whole = { start: 0, end: expr.length };
  const trimmed = expr.trim();
  if (trimmed === '')
    return { ...whole, message: 'the schedule is empty: write a cron expression such as "0 */6 * * *"' };
  if (trimmed.startsWith('@')) {
    if (NICKNAMES.includes(trimmed.toLowerCase())) return undefined;
    return {
      ...whole,
      message: `unknown schedule name '${trimmed}': use ${NICKNAMES.join(', ')} or a cron expression`,
    };
  }
  const fields = cronFields(expr);
  if (!fields) {
    const count = expr.match(/\S+/g)?.length ?? 0;
    return {
      ...whole,
      message: `a cron expression has 5 fields (minute hour day-of-month month day-of-week) or 6 (second first); this one has ${count}`,
    };
  }
  const error = croneError(expr);
  if (error === undefined) return undefined;
  // Each field on its own, the others left as '*': the first one croner rejects is the one to name.
  for (let i = 0; i < fields.length; i++) {
    const alone = fields.map((f, j) => (j === i ? f.text : '*')).join(' ');
    if (croneError(alone) === undefined) continue;
    const f = fields[i];
    return {
      start: f.start,
      end: f.start + f.text.length,
      field: f.field.name,
      message: `the ${f.field.name} field does not accept '${f.text}': it takes ${f.field.accepts}, with lists, ranges and steps`,
    };
  }
  return { ...whole, message: `not a valid cron expression: ${error}` };
}

function croneError(expr: string): string | undefined {
  try {
    new Cron(expr, { paused: true }).stop();
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^CronPattern: /, '');
  }
}

/** The schedule in words, e.g. "Every 6 hours" style text from cronstrue; undefined when invalid. */
export function describeCron(expr: string): string | undefined {
  if (validateCron(expr)) return undefined;
  const trimmed = expr.trim().toLowerCase();
  const nick: Record<string, string> = {
    '@yearly': 'Once a year, at 00:00 on January 1',
    '@annually': 'Once a year, at 00:00 on January 1',
    '@monthly': 'Once a month, at 00:00 on day 1',
    '@weekly': 'Once a week, at 00:00 on Sunday',
    '@daily': 'Every day at 00:00',
    '@hourly': 'Every hour, on the hour',
  };
  if (nick[trimmed]) return nick[trimmed];
  try {
    return cronstrue.toString(expr.trim(), { use24HourTimeFormat: true, verbose: false });
  } catch {
    return undefined;
  }
}

/** The next `n` times the schedule fires after `from` (local time, or `timezone` such as "Europe/Berlin"). */
export function nextRuns(expr: string, n: number, from: Date = new Date(), timezone?: string): Date[] {
  const key = `${expr}\u0000${n}\u0000${from.getTime()}\u0000${timezone ?? ''}`;
  return memo(runsCache, key, () => computeNextRuns(expr, n, from, timezone)).map((d) => new Date(d));
}

function computeNextRuns(expr: string, n: number, from: Date, timezone?: string): Date[] {
  if (validateCron(expr) || n <= 0) return [];
  try {
    const cron = new Cron(expr.trim(), { paused: true, timezone });
    const runs = cron.nextRuns(n, from);
    cron.stop();
    return runs;
  } catch {
    return [];
  }
}

import type { WriteRecord } from '../../sync/journal/journal';
import { shortStamp } from './history-view';
import { cell, columns } from './printer';

/**
 * `usersync history --run N` and `--user LOGIN`: the values a run wrote, or the values written to one
 * user, as the journal recorded them (redacted when stored). A write that the target refused or that was
 * never sent keeps its status and message.
 */

const key = (w: WriteRecord): string => (w.kind === 'profile' ? `profile ${w.key}` : w.key);
const outcome = (w: WriteRecord): string =>
  w.status === 'done' ? 'done' : `${w.status}${w.message ? `: ${w.message}` : ''}`;

/** One run's writes, in the order they were recorded. */
export function renderRunWrites(writes: readonly WriteRecord[]): string {
  if (writes.length === 0) return 'the run wrote nothing';
  return columns([
    ['USER', 'KEY', 'BEFORE', 'AFTER', 'STATUS'],
    ...writes.map((w) => [w.username, key(w), cell(w.before), cell(w.after), outcome(w)]),
  ]).join('\n');
}

/** The writes to one user, newest first. */
export function renderUserWrites(writes: readonly (WriteRecord & { connector: string })[], login: string): string {
  if (writes.length === 0) return `no writes to ${login} in the journal`;
  return columns([
    ['RUN', 'CONNECTOR', 'AT', 'KEY', 'BEFORE', 'AFTER', 'STATUS'],
    ...writes.map((w) => [
      String(w.runId),
      w.connector,
      shortStamp(w.at),
      key(w),
      cell(w.before),
      cell(w.after),
      outcome(w),
    ]),
  ]).join('\n');
}

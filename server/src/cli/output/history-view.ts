import type { RunRecord } from '../../sync/journal/journal';
import { columns } from './printer';

/** `usersync history`: one row per run, newest first; duration from the journal's timestamps. */

export interface HistoryRow {
  id: number;
  connector: string;
  trigger: string;
  started: string;
  durationMs: number | null;
  status: string;
  updated: number;
  notDone: number;
  changes: number;
}

export function historyRows(runs: RunRecord[]): HistoryRow[] {
  return runs.map((r) => ({
    id: r.id,
    connector: r.connector,
    trigger: r.trigger,
    started: r.started,
    durationMs: r.finished ? Date.parse(r.finished) - Date.parse(r.started) : null,
    status: r.status,
    updated: num(r.stats.updated),
    notDone: num(r.stats.notDone),
    changes: num(r.stats.changes),
  }));
}

export function renderHistory(rows: HistoryRow[]): string {
  if (rows.length === 0) return 'no runs yet';
  const head = ['ID', 'CONNECTOR', 'TRIGGER', 'STARTED', 'DURATION', 'STATUS', 'UPDATED', 'NOT DONE', 'CHANGES'];
  return columns([
    head,
    ...rows.map((r) => [
      String(r.id),
      r.connector,
      r.trigger,
      shortStamp(r.started),
      duration(r.durationMs),
      r.status,
      String(r.updated),
      String(r.notDone),
      String(r.changes),
    ]),
  ]).join('\n');
}

/** A journal timestamp as the tables show it: `2026-11-28 21:30:12Z`. */
export function shortStamp(at: string): string {
  return at.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

function duration(ms: number | null): string {
  if (ms === null) return '-';
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

import * as path from 'path';
import * as vscode from 'vscode';
import { plural, type HistoryJson } from '../results';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { withEngine } from '../sync-flow';

/** Reads the run journal of a config file (`usersync history --format json`); undefined when it failed. */
export async function loadHistory(s: Services, uri: vscode.Uri): Promise<HistoryJson['runs'] | undefined> {
  const state = readSettings(uri).statePath;
  const r = await withEngine('reading the run history', (_progress, token) =>
    s.cli.json<HistoryJson>({
      args: ['history', uri.fsPath, '--format', 'json', ...(state ? ['--state', state] : [])],
      cwd: path.dirname(uri.fsPath),
      token,
    }),
  );
  return r.value?.data.runs;
}

export type RunItem = vscode.QuickPickItem & { run: HistoryJson['runs'][number] };

export function runItems(runs: HistoryJson['runs']): RunItem[] {
  return runs.map((run) => ({
    label: `#${run.id} ${run.connector}`,
    description: `${run.trigger} · ${run.status} · ${run.started.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`,
    detail: `${plural(run.updated, 'user')} updated, ${run.notDone} not done, ${plural(run.changes, 'change')}${run.durationMs !== null ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : ''}`,
    run,
  }));
}

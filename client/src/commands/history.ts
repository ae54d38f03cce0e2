import * as path from 'path';
import * as vscode from 'vscode';
import { shortStamp } from '../../../server/src/cli/output/history-view';
import { plural, type HistoryJson } from '../results';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { withEngine } from '../sync-flow';
import { chooseFile, targetFromArgs } from '../targets';

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
    description: `${run.trigger} · ${run.status} · ${shortStamp(run.started)}`,
    detail: `${plural(run.updated, 'user')} updated, ${run.notDone} not done, ${plural(run.changes, 'change')}${run.durationMs !== null ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : ''}`,
    run,
  }));
}

/**
 * The file and the run a run command works on: `{uri, runId}` as given (a lens, Show history, a test), or asked
 * for: the file, then one of its runs that `eligible` keeps. Undefined when there is none or the user cancels.
 */
export async function pickRun(
  s: Services,
  arg: unknown,
  ask: { eligible?: (run: HistoryJson['runs'][number]) => boolean; none: string; placeHolder: string },
): Promise<{ uri: vscode.Uri; runId: number } | undefined> {
  const uri = targetFromArgs(arg)?.uri ?? (await chooseFile(arg));
  if (!uri) return undefined;
  const given = (arg as { runId?: number } | undefined)?.runId;
  if (given !== undefined) return { uri, runId: given };
  const runs = await loadHistory(s, uri);
  if (!runs) return undefined;
  const candidates = ask.eligible ? runs.filter(ask.eligible) : runs;
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`UserSync: ${ask.none}`);
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(runItems(candidates), { placeHolder: ask.placeHolder });
  return pick ? { uri, runId: pick.run.id } : undefined;
}

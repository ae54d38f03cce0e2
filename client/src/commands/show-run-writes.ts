import * as path from 'path';
import * as vscode from 'vscode';
import { renderRunWrites } from '../../../server/src/cli/output/writes-view';
import type { RunWritesJson } from '../results';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { withEngine } from '../sync-flow';
import { chooseFile, targetFromArgs } from '../targets';
import { requireTrust } from '../trust';
import { loadHistory, runItems } from './history';

/**
 * UserSync: Show what a run wrote — pick a run (or {uri, runId}); `usersync history --run N` puts every value it
 * wrote, before and after, with the target's answer, in the output channel. Reads the journal only.
 */
export function showRunWrites(s: Services) {
  return async (arg?: unknown): Promise<RunWritesJson | undefined> => {
    if (!requireTrust('Reading the run history')) return undefined;
    const uri = targetFromArgs(arg)?.uri ?? (await chooseFile(arg));
    if (!uri) return undefined;
    let runId = (arg as { runId?: number } | undefined)?.runId;
    if (runId === undefined) {
      const runs = await loadHistory(s, uri);
      if (!runs || runs.length === 0) {
        if (runs) void vscode.window.showInformationMessage('UserSync: no runs yet for this file.');
        return undefined;
      }
      runId = (await vscode.window.showQuickPick(runItems(runs), { placeHolder: 'Which run?' }))?.run.id;
      if (runId === undefined) return undefined;
    }
    const state = readSettings(uri).statePath;
    const args = [
      'history',
      uri.fsPath,
      '--run',
      String(runId),
      '--format',
      'json',
      ...(state ? ['--state', state] : []),
    ];
    const r = await withEngine(`reading run #${runId}`, (_progress, token) =>
      s.cli.json<RunWritesJson>({ args, cwd: path.dirname(uri.fsPath), token }),
    );
    if (!r.value) return undefined;
    const { data } = r.value;
    s.log.block(
      `run #${data.run.id} ${data.run.connector} (${data.run.trigger}, ${data.run.status}):\n${renderRunWrites(data.writes)}`,
    );
    s.log.show();
    return data;
  };
}

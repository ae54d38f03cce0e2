import * as vscode from 'vscode';
import type { HistoryJson } from '../results';
import type { Services } from '../services';
import { chooseFile } from '../targets';
import { requireTrust } from '../trust';
import { loadHistory, runItems } from './history';

/** UserSync: Show history — the file's runs, newest first; picking one offers to roll it back. */
export function showHistory(s: Services) {
  return async (arg?: unknown): Promise<HistoryJson['runs'] | undefined> => {
    if (!requireTrust('Reading the run history')) return undefined;
    const uri = await chooseFile(arg);
    if (!uri) return undefined;
    const runs = await loadHistory(s, uri);
    if (!runs) return undefined;
    s.log.line(`history of ${vscode.workspace.asRelativePath(uri)}: ${runs.length} runs`);
    for (const i of runItems(runs)) s.log.line(`  ${i.label}  ${i.description}  ${i.detail}`);
    if (arg && typeof arg === 'object' && (arg as { quiet?: boolean }).quiet) return runs;
    if (runs.length === 0) {
      void vscode.window.showInformationMessage('UserSync: no runs yet for this file.');
      return runs;
    }
    void vscode.window
      .showQuickPick(runItems(runs), { placeHolder: 'Runs, newest first — pick one to roll it back' })
      .then((pick) => {
        if (pick) void vscode.commands.executeCommand('usersync.rollback', { uri: uri.toString(), runId: pick.run.id });
      });
    return runs;
  };
}

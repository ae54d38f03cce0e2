import * as vscode from 'vscode';
import type { HistoryJson } from '../results';
import type { Services } from '../services';
import { chooseFile } from '../targets';
import { requireTrust } from '../trust';
import { loadHistory, runItems } from './history';

/** UserSync: Show history — the file's runs, newest first; picking one offers what it wrote, or to roll it back. */
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
      .showQuickPick(runItems(runs), {
        placeHolder: 'Runs, newest first — pick one to see what it wrote or roll it back',
      })
      .then(async (pick) => {
        if (!pick) return;
        const action = await vscode.window.showQuickPick([SHOW, ROLL_BACK], { placeHolder: `Run #${pick.run.id}` });
        const command = action === SHOW ? 'usersync.showRunWrites' : action === ROLL_BACK ? 'usersync.rollback' : '';
        if (command) void vscode.commands.executeCommand(command, { uri: uri.toString(), runId: pick.run.id });
      });
    return runs;
  };
}

const SHOW = 'Show what it wrote';
const ROLL_BACK = 'Roll it back…';

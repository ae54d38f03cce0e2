import * as path from 'path';
import * as vscode from 'vscode';
import type { Sandbox } from '../sandbox';
import { withEngine } from '../sync-flow';
import { requireTrust } from '../trust';

/** UserSync: Start sandbox — runs the local simulators and opens <workspace>/sandbox.usersync, which points at them. */
export function startSandbox(sandbox: Sandbox) {
  return async (arg?: { folder?: string }): Promise<{ file?: string; error?: string } | undefined> => {
    if (!requireTrust('Starting the sandbox')) return undefined;
    const folder = arg?.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) {
      void vscode.window.showWarningMessage(
        'UserSync: open a folder first; the sandbox writes sandbox.usersync into it.',
      );
      return undefined;
    }
    const configFile = path.join(folder, 'sandbox.usersync');
    const r = await withEngine('starting the sandbox', (progress, token) => {
      progress.report({ message: 'starting the simulated IdPs, Jira and Confluence…' });
      return sandbox.start(configFile, folder, token);
    });
    if (!r.value) return { error: r.error };
    await vscode.window.showTextDocument(vscode.Uri.file(r.value), { preview: false });
    void vscode.window
      .showInformationMessage(
        'UserSync: sandbox running — sandbox.usersync points at it. Try Preview sync.',
        'Stop sandbox',
      )
      .then((c) => (c ? vscode.commands.executeCommand('usersync.stopSandbox') : undefined));
    return { file: r.value };
  };
}

/** UserSync: Stop sandbox. */
export function stopSandbox(sandbox: Sandbox) {
  return (): boolean => {
    const was = sandbox.running();
    sandbox.stop();
    return was;
  };
}

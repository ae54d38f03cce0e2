import * as vscode from 'vscode';

/**
 * Workspace trust: in a restricted workspace the editing features work, but nothing runs the engine
 * (it reads env/file/secret values and writes to Jira/Confluence). Each engine command calls requireTrust().
 */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window
    .showWarningMessage(`UserSync: ${what} needs a trusted workspace.`, 'Manage Workspace Trust')
    .then((choice) => (choice ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return false;
}

/** Calls back once when the user grants trust to this workspace. */
export function onTrustGranted(callback: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(callback);
}

import * as path from 'path';
import * as vscode from 'vscode';

/** The extension's settings (package.json contributes.configuration), read fresh on each use. */
export interface Settings {
  confirmBeforeWrite: boolean;
  concurrency: number;
  /** Absolute state file path, or undefined for the CLI's default beside the config. */
  statePath?: string;
  nodePath: string;
  liveSchema: boolean;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('usersync', scope);
  const state = c.get<string>('statePath', '').trim();
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope) : vscode.workspace.workspaceFolders?.[0];
  return {
    confirmBeforeWrite: c.get<boolean>('confirmBeforeWrite', true),
    concurrency: Math.max(1, Math.floor(c.get<number>('concurrency', 4))),
    statePath: state ? path.resolve(folder?.uri.fsPath ?? process.cwd(), state) : undefined,
    nodePath: c.get<string>('nodePath', 'node').trim() || 'node',
    liveSchema: c.get<boolean>('liveSchema.enabled', false),
  };
}

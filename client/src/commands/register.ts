import * as vscode from 'vscode';
import type { Sandbox } from '../sandbox';
import type { Services } from '../services';
import { previewSync } from './preview-sync';
import { previewUser } from './preview-user';
import { rollbackRun } from './rollback-run';
import { runFullSync } from './run-full-sync';
import { showHistory } from './show-history';
import { showRunWrites } from './show-run-writes';
import { showUserWrites } from './show-user-writes';
import { startSandbox, stopSandbox } from './start-sandbox';
import { storeSecret } from './store-secret';
import { syncUser } from './sync-user';
import { validateWorkspace } from './validate-workspace';

/**
 * Every command of package.json contributes.commands. The four sync commands are also the code lens
 * commands the language server names (args [{uri, connector[, user]}]), so the server must not list them
 * in its executeCommandProvider.
 */
export function registerCommands(s: Services, sandbox: Sandbox): vscode.Disposable[] {
  const handlers: Record<string, (...args: never[]) => unknown> = {
    'usersync.runFullSync': runFullSync(s),
    'usersync.preview': previewSync(s),
    'usersync.syncUser': syncUser(s),
    'usersync.previewUser': previewUser(s),
    'usersync.storeSecret': storeSecret(s),
    'usersync.showHistory': showHistory(s),
    'usersync.showRunWrites': showRunWrites(s),
    'usersync.showUserWrites': showUserWrites(s),
    'usersync.rollback': rollbackRun(s),
    'usersync.startSandbox': startSandbox(sandbox),
    'usersync.stopSandbox': stopSandbox(sandbox),
    'usersync.validateWorkspace': validateWorkspace(s),
    'usersync.showOutput': () => s.log.show(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

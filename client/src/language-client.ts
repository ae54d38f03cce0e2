import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';

/**
 * The language server runs in its own Node process over IPC: dist/server.js when built, else
 * bin/usersync-language-server.js. LanguageClient's default error handler restarts it after a crash
 * (up to 4 times in 3 minutes); its log and the `usersync.trace.server` trace go to their own channel.
 */

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'usersync' },
  { scheme: 'untitled', language: 'usersync' },
  { scheme: 'file', language: 'usersync-yaml' },
  { scheme: 'untitled', language: 'usersync-yaml' },
  // *.usersync.yaml opened as plain YAML (e.g. the user chose Red Hat's YAML mode for it)
  { scheme: 'file', pattern: '**/*.usersync.{yaml,yml}' },
];

export function serverModule(extensionPath: string): string {
  const bundled = path.join(extensionPath, 'dist', 'server.js');
  return fs.existsSync(bundled) ? bundled : path.join(extensionPath, 'bin', 'usersync-language-server.js');
}

export function createLanguageClient(extensionPath: string, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = serverModule(extensionPath);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel,
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    synchronize: {
      configurationSection: 'usersync',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{usersync,usersync.yaml,usersync.yml}'),
    },
  };
  return new LanguageClient('usersync', 'UserSync Language Server', serverOptions, clientOptions);
}

/** Tells a running server that the workspace became trusted (live schema and secret resolution may start). */
export function notifyTrust(client: LanguageClient): void {
  if (client.isRunning()) void client.sendNotification('usersync/trust', { trusted: true });
}

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CliRunner } from './cli-runner';
import { registerCommands } from './commands/register';
import { createLanguageClient, notifyTrust } from './language-client';
import { Log } from './log';
import { PreviewView } from './preview-view';
import { runsSummary } from './results';
import { Sandbox } from './sandbox';
import { SecretStore } from './secrets';
import type { Services } from './services';
import { StatusBar } from './status-bar';
import { applyPlan } from './sync-flow';
import { onTrustGranted } from './trust';

/**
 * The thin client: starts the language server (diagnostics, completion, hovers, code lenses come from it)
 * and wires the engine commands, which run the CLI as a child process.
 */

let client: LanguageClient | undefined;
let sandbox: Sandbox | undefined;

/** Returned by activate() for tests: what the UI shows, where the API cannot read it. */
export interface UsersyncApi {
  statusBar(): { text: string; tooltip: string; visible: boolean };
  preview(): { html: string; open: boolean };
  applyPreview(): Promise<string | undefined>;
  languageClient(): LanguageClient | undefined;
  sandboxFile(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<UsersyncApi> {
  const secrets = new SecretStore(context);
  await secrets.load();
  const log = new Log((t) => secrets.redactText(t));
  const cli = new CliRunner(context.extensionPath, secrets, log);
  const status = new StatusBar();
  const services: Services = {
    extensionPath: context.extensionPath,
    cli,
    secrets,
    log,
    status,
    preview: undefined as unknown as PreviewView,
  };
  services.preview = new PreviewView(async (target, plan) => {
    const r = await applyPlan(services, target, plan);
    return r.runs ? runsSummary(r.runs).text : undefined;
  });
  sandbox = new Sandbox(cli, log, secrets);
  context.subscriptions.push(log, status, services.preview, sandbox, ...registerCommands(services, sandbox));

  const serverChannel = vscode.window.createOutputChannel('UserSync Language Server');
  context.subscriptions.push(serverChannel);
  client = createLanguageClient(context.extensionPath, serverChannel);
  const started = client;
  context.subscriptions.push(onTrustGranted(() => notifyTrust(started)));
  try {
    await client.start();
  } catch (e) {
    log.line(`the language server did not start: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(`UserSync: the language server did not start: ${(e as Error).message}`);
  }

  return {
    statusBar: () => status.current(),
    preview: () => services.preview.current(),
    applyPreview: () => services.preview.apply(),
    languageClient: () => client,
    sandboxFile: () => sandbox?.file(),
  };
}

export async function deactivate(): Promise<void> {
  sandbox?.stop();
  sandbox = undefined;
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

import type { ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CliRunner } from './cli-runner';
import type { Log } from './log';
import type { SecretStore } from './secrets';

/** The sandbox accepts this token and its generated config reads it with env("USERSYNC_SANDBOX_TOKEN"). */
export const SANDBOX_TOKEN_ENV = 'USERSYNC_SANDBOX_TOKEN';

/**
 * The local sandbox (simulated IdPs and Jira/Confluence companions) as a child of the extension:
 * `usersync sandbox --config-out <file>`. Ready when the CLI has (re)written the config file; stopped with
 * SIGTERM on Stop sandbox and on deactivate. Its token (USERSYNC_SANDBOX_TOKEN from the editor's environment,
 * else a random one) reaches the sandbox and every later CLI child through their environment only.
 */
export class Sandbox implements vscode.Disposable {
  private child?: ChildProcess;
  private configFile?: string;

  constructor(
    private readonly cli: CliRunner,
    private readonly log: Log,
    private readonly secrets: SecretStore,
  ) {}

  running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  file(): string | undefined {
    return this.running() ? this.configFile : undefined;
  }

  /** Starts the sandbox and resolves with the config file once written; rejects when the CLI exits first. */
  async start(configFile: string, cwd: string, token: vscode.CancellationToken, timeoutMs = 60_000): Promise<string> {
    this.stop();
    const before = mtime(configFile);
    this.secrets.setSessionEnv(
      SANDBOX_TOKEN_ENV,
      process.env[SANDBOX_TOKEN_ENV] || crypto.randomBytes(18).toString('base64url'),
    );
    const child = this.cli.spawn(['sandbox', '--config-out', configFile], cwd);
    this.child = child;
    this.configFile = configFile;
    const forward = (d: Buffer | string): void => this.log.block(String(d));
    let reason: string | undefined; // the CLI's own `usersync: …` line, when it refuses to start
    child.stdout?.on('data', forward);
    child.stderr?.on('data', (d: Buffer | string) => {
      forward(d);
      reason = /^usersync: (.*)$/m.exec(String(d))?.[1] ?? reason;
    });
    void vscode.commands.executeCommand('setContext', 'usersync.sandboxRunning', true);
    child.on('exit', (code, signal) => {
      this.log.line(`sandbox stopped (${code ?? signal})`);
      if (this.child === child) {
        this.child = undefined;
        this.secrets.setSessionEnv(SANDBOX_TOKEN_ENV, undefined);
        void vscode.commands.executeCommand('setContext', 'usersync.sandboxRunning', false);
      }
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (token.isCancellationRequested) {
        this.stop();
        throw new Error('cancelled');
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        await new Promise((r) => setTimeout(r, 50)); // its last stderr may arrive after the exit
        throw new Error(reason ?? `the sandbox exited (${child.exitCode ?? child.signalCode}); see the output`);
      }
      const now = mtime(configFile);
      if (now !== undefined && now !== before && fs.statSync(configFile).size > 0) {
        await new Promise((r) => setTimeout(r, 100)); // let the write finish
        return configFile;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    this.stop();
    throw new Error(`the sandbox did not write ${configFile} within ${timeoutMs / 1000} s`);
  }

  stop(): void {
    if (this.running()) this.child!.kill('SIGTERM');
    this.child = undefined;
    this.secrets.setSessionEnv(SANDBOX_TOKEN_ENV, undefined);
    void vscode.commands.executeCommand('setContext', 'usersync.sandboxRunning', false);
  }

  dispose(): void {
    this.stop();
  }
}

function mtime(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

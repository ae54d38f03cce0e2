import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

/**
 * The language server as an editor sees it: `node bin/usersync-language-server.js --stdio` spoken to
 * with vscode-jsonrpc. Keeps every publishDiagnostics per uri and the server's logged errors, and reads
 * the process's resident memory from /proc. Runs the TypeScript sources (USERSYNC_FROM_SOURCE), never
 * a stale bundle.
 */

export const SERVER_BIN = path.join(__dirname, '..', '..', 'bin', 'usersync-language-server.js');

export class LspSession {
  readonly connection: MessageConnection;
  /** Published diagnostics per uri, oldest first. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** window/logMessage lines that report a failed handler. */
  readonly errors: string[] = [];
  private readonly waiters = new Set<() => void>();
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of [...this.waiters]) w();
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1 || /failed/.test(p.message)) this.errors.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', () => [{}]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        this.exitCode = code;
        for (const w of [...this.waiters]) w();
        resolve();
      }),
    );
  }

  static async start(initializationOptions?: unknown, env: NodeJS.ProcessEnv = process.env): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...env, USERSYNC_FROM_SOURCE: '1' },
    });
    child.stderr!.resume();
    const session = new LspSession(child);
    await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions,
    });
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resident memory of the server process in KiB (VmRSS in /proc/<pid>/status). */
  rssKb(): number {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!m) throw new Error('no VmRSS in /proc status');
    return Number(m[1]);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: /\.ya?ml$/.test(uri) ? 'usersync-yaml' : 'usersync', version, text },
    });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** The first diagnostics published for `uri` at `version`, waiting up to `timeoutMs`. */
  async diagnostics(uri: string, version: number, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.get(uri)?.find((p) => p.version === version);
      if (found) return found.diagnostics;
      if (!this.alive)
        throw new Error(`the server exited (code ${this.exitCode}) before publishing ${uri} v${version}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const done = () => (clearTimeout(timer), this.waiters.delete(done), resolve());
        const timer = setTimeout(done, Math.min(left, 500));
        this.waiters.add(done);
      });
    }
  }

  /** Forgets what was published for `uri` (long runs would otherwise keep it all). */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

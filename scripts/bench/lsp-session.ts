import { spawn, type ChildProcess } from 'child_process';
import { performance } from 'perf_hooks';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { RssPoller } from './measure';

/**
 * One language server process for the LSP benchmark, spoken to over stdio with vscode-jsonrpc like an
 * editor would: initialize, open, edit, ask for completion, and wait for pushed diagnostics. Its memory
 * is polled from /proc while it runs.
 */

export interface Published {
  uri: string;
  version?: number;
  count: number;
  at: number;
}

interface Position {
  line: number;
  character: number;
}

export class LspSession {
  readonly published: Published[] = [];
  private readonly connection: MessageConnection;
  private readonly rss: RssPoller;
  private readonly waiters = new Set<() => void>();
  private readonly exit: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    settings: unknown,
  ) {
    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    this.connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
        this.published.push({ uri: p.uri, version: p.version, count: p.diagnostics.length, at: performance.now() });
        for (const w of [...this.waiters]) w();
      },
    );
    // Answer what servers ask of an editor: settings per section, registrations, progress tokens.
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => pick(settings, i.section)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.rss = new RssPoller(child.pid!);
  }

  /** Starts `node <args>` (so the pid polled is the server's own node process). */
  static start(name: string, args: string[], settings: unknown = {}): LspSession {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LspSession(name, child, settings);
  }

  async initialize(rootUri: string | null, initializationOptions?: unknown): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Opens a document; resolves with the ms from sending didOpen to its first published diagnostics. */
  async open(uri: string, languageId: string, text: string, timeoutMs: number): Promise<number> {
    const before = this.published.length;
    const start = performance.now();
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const p = await this.nextPublish(uri, before, undefined, timeoutMs);
    return p.at - start;
  }

  /** A one-range edit, not waiting for anything (a keystroke). */
  type(uri: string, version: number, at: Position, length: number, text: string): Promise<void> {
    return this.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + length } }, text }],
    });
  }

  /** A one-range edit; resolves with the ms from sending didChange to diagnostics for that version. */
  async edit(uri: string, version: number, at: Position, length: number, text: string, timeoutMs: number) {
    const before = this.published.length;
    const start = performance.now();
    await this.type(uri, version, at, length, text);
    const p = await this.nextPublish(uri, before, version, timeoutMs);
    return p.at - start;
  }

  /** Any request; resolves with the round-trip ms and the result. */
  async request<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const start = performance.now();
    const result = await this.connection.sendRequest<R>(method, params);
    return { ms: performance.now() - start, result };
  }

  /** Completion at a position; resolves with the round-trip ms and the number of items. */
  async complete(uri: string, position: Position): Promise<{ ms: number; items: number }> {
    const start = performance.now();
    const r = await this.connection.sendRequest<{ items: unknown[] } | unknown[] | null>('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 1 },
    });
    const ms = performance.now() - start;
    return { ms, items: Array.isArray(r) ? r.length : (r?.items.length ?? 0) };
  }

  /** The first diagnostics for `uri` published after index `from` (and at `version` when the server says). */
  private nextPublish(uri: string, from: number, version: number | undefined, timeoutMs: number): Promise<Published> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.published
          .slice(from)
          .find((p) => p.uri === uri && (version === undefined || p.version === undefined || p.version === version));
        if (!hit) return;
        done();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name}: no diagnostics for ${uri} within ${timeoutMs} ms${this.tail()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  peakRssMiB(): number {
    return this.rss.peakMiB();
  }

  get pid(): number {
    return this.child.pid!;
  }

  private tail(): string {
    return this.stderr ? `\n${this.name} stderr: ${this.stderr.trim().split('\n').slice(-5).join('\n')}` : '';
  }

  /** shutdown + exit, then the peak RSS seen. Kills the process if it does not leave within 5 s. */
  async stop(): Promise<number> {
    const peak = this.rss.stop();
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await this.exit;
    clearTimeout(timer);
    this.connection.dispose();
    return peak;
  }
}

function pick(settings: unknown, section: string | undefined): unknown {
  if (!section) return settings;
  let v: unknown = settings;
  for (const part of section.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : null;
  return v ?? null;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

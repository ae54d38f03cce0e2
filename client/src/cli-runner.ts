import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { ENGINE_NODE_FLAGS } from '../../server/src/cli/node-flags';
import type { Log } from './log';
import type { SecretStore } from './secrets';
import { readSettings } from './settings';

/**
 * Runs the usersync CLI as a child process of the system Node (setting usersync.nodePath): the editor's own
 * Node may have another ABI than the engine's native SQLite module. Stored secrets travel in the child's
 * environment only (USERSYNC_SECRET_<NAME>), never on the command line. Cancelling sends SIGTERM: the CLI
 * finishes the batch in flight, journals it and stops.
 */

export interface CliRequest {
  args: string[];
  cwd?: string;
  token?: vscode.CancellationToken;
  /** Each stderr line (progress, warnings), already redacted. */
  onStderr?: (line: string) => void;
}

export interface CliOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  cancelled: boolean;
}

/** A CLI failure with its one-line reason (the CLI's `usersync: …` line). */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly outcome: CliOutcome,
  ) {
    super(message);
  }
}

export class CliRunner {
  constructor(
    private readonly extensionPath: string,
    private readonly secrets: SecretStore,
    private readonly log: Log,
  ) {}

  /**
   * bin/usersync.js: it runs the bundle (dist/cli.js, a module exporting main()) when built and the
   * TypeScript sources through tsx otherwise (bin/entry.js). Started with `node`, so the engine's flags
   * from its `#!` line are passed here.
   */
  script(): string {
    return path.join(this.extensionPath, 'bin', 'usersync.js');
  }

  /** Starts the CLI and wires it to the output channel; the caller owns the child. */
  spawn(args: string[], cwd?: string): ChildProcess {
    const node = readSettings().nodePath;
    this.log.line(`$ usersync ${args.map(quote).join(' ')}`);
    const child = spawn(node, [...ENGINE_NODE_FLAGS, this.script(), ...args], {
      cwd,
      env: { ...process.env, ...this.secrets.env(), NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ENOENT' ? `Node.js was not found at '${node}' (setting usersync.nodePath)` : e.message;
      this.log.line(`error: ${why}`);
    });
    return child;
  }

  run(request: CliRequest): Promise<CliOutcome> {
    return new Promise((resolve) => {
      const child = this.spawn(request.args, request.cwd);
      let stdout = '';
      let stderr = '';
      let pending = '';
      let cancelled = false;
      const cancel = request.token?.onCancellationRequested(() => {
        cancelled = true;
        this.log.line('cancelling: the CLI stops after the batch in flight');
        child.kill('SIGTERM');
      });
      child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr?.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const lines = (pending + d).split(/\r?\n|\r/);
        pending = lines.pop() ?? '';
        for (const l of lines) this.stderrLine(l, request);
      });
      let spawnError: Error | undefined;
      child.on('error', (e) => (spawnError = e));
      child.on('close', (exitCode, signal) => {
        cancel?.dispose();
        if (pending) this.stderrLine(pending, request);
        if (spawnError && exitCode === null) stderr += `usersync: ${spawnError.message}\n`;
        this.log.line(`exit ${exitCode ?? signal}${cancelled ? ' (cancelled)' : ''}`);
        resolve({ exitCode, signal, stdout, stderr, cancelled });
      });
    });
  }

  /** Runs a `--format json` command; returns the parsed output, or throws CliFailure when there is none. */
  async json<T>(request: CliRequest): Promise<{ data: T; outcome: CliOutcome }> {
    const outcome = await this.run(request);
    const data = parseJson<T>(outcome.stdout);
    if (data === undefined) throw new CliFailure(failureReason(outcome, this.secrets), outcome);
    return { data, outcome };
  }

  private stderrLine(line: string, request: CliRequest): void {
    if (!line.trim()) return;
    const clean = this.secrets.redactText(line);
    this.log.line(clean);
    request.onStderr?.(clean);
  }
}

export function parseJson<T>(text: string): T | undefined {
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  try {
    return JSON.parse(text.slice(start)) as T;
  } catch {
    return undefined;
  }
}

/**
 * The CLI's own reason (its last `usersync: …` line and the indented detail lines after it, on one line),
 * else the last stderr line, else the exit status.
 */
export function failureReason(outcome: CliOutcome, secrets: SecretStore): string {
  if (outcome.cancelled) return 'cancelled';
  const lines = outcome.stderr.split(/\r?\n/).filter((l) => l.trim());
  let start = -1;
  lines.forEach((l, i) => (l.startsWith('usersync: ') ? (start = i) : undefined));
  const text =
    start >= 0
      ? [lines[start].slice('usersync: '.length), ...lines.slice(start + 1, start + 6).map((l) => l.trim())].join(' ')
      : (lines.at(-1) ?? `the CLI exited with ${outcome.exitCode ?? outcome.signal}`);
  return secrets.redactText(text);
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

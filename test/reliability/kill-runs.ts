import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';
import { rng } from './lsp-edits';
import { differingUsers, startRig, targetState, type SandboxRig } from './sandbox-runs';

/**
 * `usersync run <config> --yes --state <db>` as a child process, killed with SIGKILL at random moments,
 * then run once more to the end. A second sandbox with the same seed gets one uninterrupted CLI run:
 * its end state is what the killed one must converge to, and its duration bounds the kill moments.
 */

export const CLI_BIN = path.join(__dirname, '..', '..', 'bin', 'usersync.js');

export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** The last progress line on stderr before the end (where the run was). */
  lastLine: string;
}

export interface KillOptions {
  users: number;
  kills: number;
  seed: number;
  /** Sandbox latency per request, so that a run lasts long enough to be hit in every phase. */
  latencyMs?: number;
  onKill?: (k: number, exit: CliExit, moment: number) => void;
}

export interface KillResult {
  cleanRunMs: number;
  /** Kill delays after spawn, in ms; `ended` when the run had finished before its kill moment. */
  kills: { moment: number; lastLine: string; ended: boolean; stateExists: boolean }[];
  /** PRAGMA integrity_check after each kill that left a state file, and after the final run ([] = ok). */
  integrity: string[][];
  finalExit: CliExit;
  differing: string[];
  interruptedRuns: number;
  pendingWrites: number;
  runs: number;
}

export function runCli(rig: SandboxRig, killAfterMs?: number): Promise<CliExit> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI_BIN, 'run', rig.config, '--yes', '--state', rig.state], {
    env: { ...rig.env, USERSYNC_FROM_SOURCE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let lastLine = '';
  child.stderr!.on('data', (d: Buffer) => {
    const lines = d.toString('utf8').trim().split('\n');
    lastLine = lines[lines.length - 1] ?? lastLine;
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started, lastLine });
    });
  });
}

export function integrityCheck(file: string): string[] {
  const db = new Database(file);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const found = rows.map((r) => r.integrity_check);
    return found.length === 1 && found[0] === 'ok' ? [] : found;
  } finally {
    db.close();
  }
}

export async function killRuns(options: KillOptions): Promise<KillResult> {
  const r = rng(options.seed);
  const sandboxOptions = { users: options.users, seed: `kill-${options.seed}`, latencyMs: options.latencyMs ?? 0 };
  const clean = await startRig(sandboxOptions);
  const killed = await startRig(sandboxOptions);
  try {
    const cleanExit = await runCli(clean);
    if (cleanExit.code !== 0) throw new Error(`the clean run failed (exit ${cleanExit.code}): ${cleanExit.lastLine}`);
    const result: KillResult = {
      cleanRunMs: cleanExit.ms,
      kills: [],
      integrity: [],
      finalExit: cleanExit,
      differing: [],
      interruptedRuns: 0,
      pendingWrites: 0,
      runs: 0,
    };
    for (let k = 0; k < options.kills; k++) {
      // later runs have less left to write and end sooner: moments in the first three quarters of a clean run
      const moment = r.int(Math.round(cleanExit.ms * 0.75));
      const exit = await runCli(killed, moment);
      const stateExists = fs.existsSync(killed.state);
      result.kills.push({ moment, lastLine: exit.lastLine, ended: exit.signal !== 'SIGKILL', stateExists });
      // a kill before the run opened the state file leaves nothing to check
      if (stateExists) result.integrity.push(integrityCheck(killed.state));
      options.onKill?.(k, exit, moment);
    }
    result.finalExit = await runCli(killed);
    result.integrity.push(integrityCheck(killed.state));
    result.differing = differingUsers(targetState(clean.sandbox), targetState(killed.sandbox));
    const db = new Database(killed.state, { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      result.interruptedRuns = count(`SELECT COUNT(*) AS n FROM runs WHERE status = 'interrupted'`);
      result.pendingWrites = count(`SELECT COUNT(*) AS n FROM writes WHERE status = 'pending'`);
      result.runs = count(`SELECT COUNT(*) AS n FROM runs`);
    } finally {
      db.close();
    }
    return result;
  } finally {
    await clean.close();
    await killed.close();
  }
}

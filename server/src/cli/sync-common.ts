import * as path from 'path';
import { CliError } from './cli-error';
import { ConfigError, loadConfig, type LoadedConfig } from '../sync/engine/load-config';
import { Journal, type JournalOptions } from '../sync/journal/journal';
import { LockHeldError } from '../sync/journal/lock';
import { defaultStatePath, StateFileError } from '../sync/journal/state-db';
import { HttpError, HostPinningError, RequestAbortedError } from '../sync/http/errors';

/**
 * What preview, run, history, rollback and daemon share: loading the config (errors → exit 2), the
 * journal at `--state` or `.usersync/state.db` beside the config, and turning engine errors into
 * one-line CliErrors (lock held, HTTP failures → exit 1).
 */

export function openConfig(file: string, connector?: string): LoadedConfig {
  try {
    return loadConfig(file, { connector });
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message, 2);
    throw e;
  }
}

/** The state file of a command: `--state` when given, else `.usersync/state.db` beside the config. */
export function statePathOf(configFile: string, state: string | undefined): string {
  return state ? path.resolve(state) : defaultStatePath(configFile);
}

export function openJournal(config: LoadedConfig, state: string | undefined): Journal {
  return openJournalFile(statePathOf(config.file, state), { redact: config.redact });
}

/** The journal in a state file; a file that cannot be opened, or is not a state file, exits 2. */
export function openJournalFile(file: string, options: JournalOptions = {}): Journal {
  try {
    return Journal.open(file, options);
  } catch (e) {
    if (e instanceof StateFileError) throw new CliError(e.message, 2);
    throw e;
  }
}

/** Engine failures a user can act on become CliErrors; anything else stays an internal error. */
export function asCliError(e: unknown, redact: (text: string) => string): unknown {
  if (e instanceof CliError) return e;
  if (e instanceof LockHeldError) return new CliError(e.message, 1);
  if (e instanceof HttpError || e instanceof HostPinningError || e instanceof RequestAbortedError) {
    return new CliError(redact(e.message), 1);
  }
  if (e instanceof Error && /^(source|target) \w+: /.test(e.message)) {
    const configProblem = /setting "[\w]+" is required|must be|unknown (source|target) type/.test(e.message);
    return new CliError(redact(e.message), configProblem ? 2 : 1);
  }
  return e instanceof Error ? Object.assign(new Error(redact(e.message)), { stack: undefined }) : e;
}

export function positiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} must be a positive whole number, not '${value}'`, 2);
    return n;
  };
}

/** `90d` or `12w` → milliseconds (how long the journal keeps runs). */
export function ageOption(name: string): (value: string) => number {
  return (value) => {
    const m = /^(\d+)([dw])$/.exec(value.trim());
    if (!m || Number(m[1]) < 1)
      throw new CliError(`${name} takes days or weeks, such as 90d or 12w, not '${value}'`, 2);
    return Number(m[1]) * (m[2] === 'w' ? 7 : 1) * 24 * 60 * 60 * 1000;
  };
}

export function formatOption(value: string): 'text' | 'json' {
  if (value !== 'text' && value !== 'json') throw new CliError(`--format must be text or json, not '${value}'`, 2);
  return value;
}

/** SIGINT/SIGTERM → abort (finish the batch in flight); a second signal quits at once. */
export function abortOnSignals(onFirst: (signal: NodeJS.Signals) => void): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(sig === 'SIGINT' ? 130 : 143);
    onFirst(sig);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

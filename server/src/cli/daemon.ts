import * as path from 'path';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { NoScheduleError, runDaemon } from '../sync/engine/daemon';
import { printer } from './output/printer';
import { abortOnSignals, ageOption, openConfig, openJournal } from './sync-common';

/**
 * `usersync daemon <file> [--connector <name>]`: runs each connector (or the one named) on its `schedule`
 * until SIGTERM/SIGINT, which stop scheduling, let the write in flight finish, close the journal and exit 0.
 * Timestamped log lines on stdout (errors on stderr), redacted with every connector's secrets.
 */
export function registerDaemon(program: Command): void {
  program
    .command('daemon')
    .description('run connectors on their schedules until stopped')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .option('--connector <name>', 'only this connector (only its credentials are needed)')
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .option(
      '--prune-older-than <age>',
      'once a day, after a run, remove runs that ended longer ago than this (90d, 12w)',
      ageOption('--prune-older-than'),
    )
    .action(async (file: string, opts: { connector?: string; state?: string; pruneOlderThan?: number }) => {
      const config = openConfig(file, opts.connector);
      const p = printer(config.redact);
      const journal = openJournal(config, opts.state);
      const stamp = (level: string, message: string): string =>
        `${new Date().toISOString()} ${level.padEnd(5)} ${message}`;
      const stop = abortOnSignals((sig) => p.out(stamp('info', `received ${sig} (send it again to quit at once)`)));
      try {
        await runDaemon(config.connectors, {
          journal,
          configDir: path.dirname(config.file),
          signal: stop.signal,
          log: (level, message) => (level === 'error' ? p.err(stamp(level, message)) : p.out(stamp(level, message))),
          pruneOlderThanMs: opts.pruneOlderThan,
        });
      } catch (e) {
        if (e instanceof NoScheduleError) throw new CliError(e.message, 2);
        throw e;
      } finally {
        stop.dispose();
        journal.close();
      }
    });
}

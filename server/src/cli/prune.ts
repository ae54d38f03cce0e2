import * as fs from 'fs';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { shortStamp } from './output/history-view';
import { printer } from './output/printer';
import { prunedCount } from '../sync/engine/summary';
import { ageOption, asCliError, openJournalFile, statePathOf } from './sync-common';

/**
 * `usersync prune <file> --older-than 90d`: removes the runs that ended before then, with every value they wrote,
 * from the state file. The journal holds users' profile data; this is how long it is kept. It holds the state
 * file's lock (never while a run is going) and needs no credentials. Pruned runs can no longer be rolled back.
 */
export function registerPrune(program: Command): void {
  program
    .command('prune')
    .description('remove old runs and the values they wrote from the state file')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .requiredOption(
      '--older-than <age>',
      'remove runs that ended longer ago than this: days (90d) or weeks (12w)',
      ageOption('--older-than'),
    )
    .option('--dry-run', 'count what would be removed, remove nothing')
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .action((file: string, opts: { olderThan: number; dryRun?: boolean; state?: string }) => {
      if (!fs.existsSync(file)) throw new CliError(`cannot read ${file}: ENOENT`, 2);
      const state = statePathOf(file, opts.state);
      const p = printer((t) => t);
      if (!fs.existsSync(state)) {
        p.out('no runs yet; nothing to remove');
        return;
      }
      const before = new Date(Date.now() - opts.olderThan).toISOString();
      const journal = openJournalFile(state);
      try {
        const lock = opts.dryRun ? undefined : journal.lock();
        try {
          const what = prunedCount(opts.dryRun ? journal.prunable(before) : journal.prune(before));
          const when = `that ended before ${shortStamp(before)}`;
          p.out(opts.dryRun ? `would remove ${what} ${when}; nothing was removed` : `removed ${what} ${when}`);
        } finally {
          lock?.release();
        }
      } catch (e) {
        throw asCliError(e, (t) => t);
      } finally {
        journal.close();
      }
    });
}

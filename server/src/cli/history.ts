import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { defaultStatePath } from '../sync/journal/state-db';
import { printer } from './output/printer';
import { historyRows, renderHistory, type HistoryRow } from './output/history-view';
import { formatOption, openJournalFile, positiveInt } from './sync-common';

/**
 * `usersync history <file>`: the journal's runs, newest first. Read only: no lock, no secrets needed
 * (the config is not resolved; the journal holds redacted text only), and no state file is created.
 */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .description('list past runs from the state file')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .option('--limit <n>', 'how many runs (default 50)', positiveInt('--limit'), 50)
    .option('--format <format>', 'text or json', formatOption, 'text' as const)
    .action((file: string, opts: { state?: string; limit: number; format: 'text' | 'json' }) => {
      if (!fs.existsSync(file)) throw new CliError(`cannot read ${file}: ENOENT`, 2);
      const state = opts.state ? path.resolve(opts.state) : defaultStatePath(file);
      let rows: HistoryRow[] = [];
      if (fs.existsSync(state)) {
        const journal = openJournalFile(state);
        try {
          rows = historyRows(journal.runs(opts.limit));
        } finally {
          journal.close();
        }
      }
      const p = printer((t) => t);
      p.out(opts.format === 'json' ? JSON.stringify({ runs: rows }, null, 2) : renderHistory(rows));
    });
}

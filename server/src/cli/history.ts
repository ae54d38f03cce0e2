import * as fs from 'fs';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { printer } from './output/printer';
import { historyRows, renderHistory } from './output/history-view';
import { renderRunWrites, renderUserWrites } from './output/writes-view';
import type { Journal } from '../sync/journal/journal';
import { formatOption, openJournalFile, positiveInt, statePathOf } from './sync-common';

/**
 * `usersync history <file>`: the journal's runs, newest first; with `--run N` the values that run wrote,
 * before and after; with `--user LOGIN` the values written to that user across runs. Read only: no lock,
 * no secrets needed (the config is not resolved; the journal holds redacted text only), and no state file
 * is created.
 */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .description('list past runs from the state file, or what one run wrote, or what was written to one user')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .option('--run <id>', 'the values this run wrote, before and after', positiveInt('--run'))
    .option('--user <login>', 'the values written to this user, newest first')
    .option('--limit <n>', 'how many runs, or writes with --user', positiveInt('--limit'), 50)
    .option('--format <format>', 'text or json', formatOption, 'text' as const)
    .action((file: string, opts: Options) => {
      if (!fs.existsSync(file)) throw new CliError(`cannot read ${file}: ENOENT`, 2);
      if (opts.run !== undefined && opts.user !== undefined) throw new CliError('give --run or --user, not both', 2);
      const state = statePathOf(file, opts.state);
      const journal = fs.existsSync(state) ? openJournalFile(state) : undefined;
      try {
        printer((t) => t).out(historyText(journal, state, opts));
      } finally {
        journal?.close();
      }
    });
}

interface Options {
  state?: string;
  run?: number;
  user?: string;
  limit: number;
  format: 'text' | 'json';
}

function historyText(journal: Journal | undefined, state: string, opts: Options): string {
  const json = opts.format === 'json';
  if (opts.run !== undefined) {
    const run = journal?.run(opts.run);
    if (!journal || !run) throw new CliError(`there is no run ${opts.run} in ${state}`, 2);
    const [row] = historyRows([run]);
    const writes = journal.writesOf(run.id);
    return json
      ? JSON.stringify({ run: row, writes }, null, 2)
      : `${renderHistory([row])}\n\n${renderRunWrites(writes)}`;
  }
  if (opts.user !== undefined) {
    const writes = journal?.writesTo(opts.user, opts.limit) ?? [];
    return json ? JSON.stringify({ writes }, null, 2) : renderUserWrites(writes, opts.user);
  }
  const rows = journal ? historyRows(journal.runs(opts.limit)) : [];
  return json ? JSON.stringify({ runs: rows }, null, 2) : renderHistory(rows);
}

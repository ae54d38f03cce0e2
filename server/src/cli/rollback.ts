import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { applyRollback, planRollback, RollbackError, type ChangedSince } from '../sync/engine/rollback';
import type { LoadedConfig } from '../sync/engine/load-config';
import type { Journal } from '../sync/journal/journal';
import { exitCodeOf } from '../sync/engine/report';
import { shortStamp } from './output/history-view';
import { cell, columns, printer } from './output/printer';
import { confirmOrRefuse, NotConfirmed } from './output/confirm';
import { progressView } from './output/progress';
import { renderReports } from './output/report-view';
import { abortOnSignals, asCliError, openConfig, openJournalFile, statePathOf } from './sync-common';

/**
 * `usersync rollback <file> <run-id>`: restores what the run wrote where the target still holds the
 * run's value; lists values changed since (left alone). The rollback is journaled as its own run.
 * Only the run's connector is resolved, so only its credentials are needed; the state file is opened once.
 */
export function registerRollback(program: Command): void {
  program
    .command('rollback')
    .description("undo a run's writes where nothing changed them since")
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .argument('<run-id>', 'a run id from `usersync history`')
    .option('--yes', 'do not ask before writing')
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .action(async (file: string, runArg: string, opts: { yes?: boolean; state?: string }) => {
      const runId = Number(runArg);
      if (!Number.isInteger(runId) || runId < 1)
        throw new CliError(`run id must be a positive whole number, not '${runArg}'`, 2);
      const { config, journal } = openForRun(file, opts.state, runId);
      const [connector] = config.connectors;
      const p = printer(config.redact);
      const abort = abortOnSignals(() => p.err('stopping after the batch in flight'));
      const progress = progressView(Boolean(process.stderr.isTTY), (line) => p.err(line));
      let code = 0;
      try {
        const lock = journal.lock();
        try {
          const options = {
            journal,
            configDir: path.dirname(config.file),
            signal: abort.signal,
            onProgress: progress.onProgress,
          };
          const rb = await planRollback(connector, runId, options);
          p.out(
            `run ${runId} (${connector.name}): ${rb.plan.stats.changes} values to restore, ${rb.changedSince.length} changed since`,
          );
          const earlier = rb.rolledBackBy.map((r) => `run ${r.id} (${shortStamp(r.started)})`).join(', ');
          if (rb.plan.changes.length === 0) {
            // nothing to write: no journaled run, and the reason rather than a list when it is an earlier rollback
            if (earlier) p.out(`run ${runId} was already rolled back by ${earlier}`);
            else if (rb.changedSince.length > 0) p.out(renderChangedSince(rb.changedSince));
            p.out('nothing to restore; nothing was written');
            return;
          }
          if (earlier) p.out(`run ${runId} was rolled back before, by ${earlier}; what is left is restored now`);
          if (rb.changedSince.length > 0) p.out(renderChangedSince(rb.changedSince));
          if (
            rb.plan.changes.length > 0 &&
            !(await confirmOrRefuse(`Restore ${rb.plan.stats.changes} values?`, opts.yes))
          ) {
            throw new NotConfirmed('cancelled; nothing was written', 1);
          }
          const report = await applyRollback(connector, rb, options);
          progress.stop();
          p.out(renderReports([report]));
          code = exitCodeOf([report]);
        } finally {
          lock.release();
        }
      } catch (e) {
        if (e instanceof RollbackError) throw new CliError(e.message, 2);
        throw asCliError(e, config.redact);
      } finally {
        progress.stop();
        abort.dispose();
        journal.close();
      }
      if (code !== 0) throw new CliError('some values were not restored (listed above)', code);
    });
}

/**
 * The state file, then the config with only the run's connector resolved (only its credentials are needed),
 * then the same open journal storing text through that connector's redactor.
 */
function openForRun(
  file: string,
  state: string | undefined,
  runId: number,
): { config: LoadedConfig; journal: Journal } {
  const stateFile = statePathOf(file, state);
  if (!fs.existsSync(stateFile)) throw new CliError(`there is no run ${runId} in ${stateFile}`, 2);
  const plain = openJournalFile(stateFile);
  try {
    const run = plain.run(runId);
    if (!run) throw new CliError(`there is no run ${runId} in ${plain.file}`, 2);
    const config = openConfig(file, run.connector);
    return { config, journal: plain.redacting(config.redact) };
  } catch (e) {
    plain.close();
    throw e;
  }
}

function renderChangedSince(list: ChangedSince[]): string {
  const rows = list.map((c) => [
    `  ${c.user}`,
    c.kind === 'profile' ? `profile ${c.key}` : c.key,
    `wrote ${cell(c.written)}`,
    `now ${cell(c.current)}`,
  ]);
  return ['changed since the run (left alone):', ...columns(rows)].join('\n');
}

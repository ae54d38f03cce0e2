import * as path from 'path';
import { Command, Option } from 'commander';
import { CliError } from './cli-error';
import { applyPlanned, planConnector, recordFailedRun, triggerOf, type PlannedConnector } from '../sync/engine/run';
import type { LoadedConfig } from '../sync/engine/load-config';
import type { Journal } from '../sync/journal/journal';
import type { RunnableConnector } from '../sync/types';
import { exitCodeOf, type RunReport } from '../sync/engine/report';
import { checkClearGuard } from '../sync/plan/guard';
import { printer, type Printer } from './output/printer';
import { renderWarnings, summary } from './output/plan-view';
import { progressView, type ProgressView } from './output/progress';
import { confirmOrRefuse, NotConfirmed } from './output/confirm';
import { renderReports, reportsJson } from './output/report-view';
import { abortOnSignals, asCliError, formatOption, openConfig, openJournal, positiveInt } from './sync-common';

/**
 * `usersync run <file>`: plan, show the summary, ask (or --yes), apply as a journaled run, report.
 * The state file's lock is held from planning to the report. Exit 0 all applied, 1 users not applied,
 * 2 config/usage errors, 3 stopped by the clear guard.
 */

interface RunFlags {
  connector?: string;
  user?: string;
  pinned?: boolean;
  yes?: boolean;
  force?: boolean;
  concurrency?: number;
  format: 'text' | 'json';
  state?: string;
  verbose?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('write the planned changes to Jira/Confluence')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .option('--connector <name>', 'only this connector')
    .option('--user <login>', 'only this IdP user (UPN, Okta login or Google primary email)')
    .addOption(
      new Option('--pinned', 'only the pinned users (`user "…"` lines): a safe first rollout').conflicts('user'),
    )
    .option('--yes', 'do not ask before writing')
    .option('--force', 'write even when the clear guard would stop the run')
    .option('--concurrency <n>', 'batches written in parallel (default 4)', positiveInt('--concurrency'))
    .option('--format <format>', 'text or json', formatOption, 'text' as const)
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .option('--verbose', 'log HTTP retries and waits to stderr')
    .action(async (file: string, flags: RunFlags) => runCommand(file, flags));
}

async function runCommand(file: string, flags: RunFlags): Promise<void> {
  const config = openConfig(file, flags.connector);
  const p = printer(config.redact);
  const journal = openJournal(config, flags.state);
  const progress = progressView(Boolean(process.stderr.isTTY), (line) => p.err(line));
  const abort = abortOnSignals(() => p.err('stopping after the batch in flight (press Ctrl-C again to quit now)'));
  const ctx: ConnectorRun = { config, flags, journal, p, progress, signal: abort.signal };
  const reports: RunReport[] = [];
  const failures: CliError[] = [];
  try {
    const lock = journal.lock();
    try {
      for (const connector of config.connectors) {
        if (abort.signal.aborted) break;
        try {
          reports.push(await runOne(connector, ctx));
        } catch (e) {
          const failure = asCliError(e, config.redact);
          if (!(failure instanceof CliError) || failure instanceof NotConfirmed) throw failure;
          if (config.connectors.length === 1) throw failure;
          p.err(`usersync: ${connector.name}: ${failure.message}`);
          failures.push(failure);
        }
      }
    } finally {
      lock.release();
    }
  } catch (e) {
    throw asCliError(e, config.redact);
  } finally {
    progress.stop();
    abort.dispose();
    journal.close();
  }
  p.out(flags.format === 'text' ? renderReports(reports) : reportsJson(reports));
  const code = Math.max(exitCodeOf(reports), ...failures.map((f) => f.exitCode));
  if (code === 3) throw new CliError('stopped by the clear guard; nothing was written (--force writes anyway)', 3);
  if (failures.length > 0) throw new CliError(`${failures.length} connector(s) could not run (see above)`, code);
  if (code !== 0) {
    const n = reports.reduce((sum, r) => sum + r.notDone.length, 0);
    throw new CliError(`${n} user${n === 1 ? ' was' : 's were'} not updated (listed above)`, code);
  }
}

interface ConnectorRun {
  config: LoadedConfig;
  flags: RunFlags;
  journal: Journal;
  p: Printer;
  progress: ProgressView;
  signal: AbortSignal;
}

/** Plan one connector, show the summary, confirm, apply. A planning failure is journaled, then thrown. */
async function runOne(
  connector: RunnableConnector,
  { config, flags, journal, p, progress, signal }: ConnectorRun,
): Promise<RunReport> {
  let planned: PlannedConnector;
  const began = performance.now();
  try {
    planned = await planConnector(connector, {
      configDir: path.dirname(config.file),
      user: flags.user,
      pinned: flags.pinned,
      signal,
      onProgress: (e) => progress.onProgress(e),
      log: (level, message) => (flags.verbose || level !== 'info' ? p.err(`${level}: ${message}`) : undefined),
    });
  } catch (e) {
    const status = signal.aborted ? 'aborted' : 'error';
    recordFailedRun(journal, connector, triggerOf(flags), e, status, performance.now() - began);
    throw e;
  }
  const { plan } = planned;
  if (flags.format === 'text') {
    p.err(`${connector.name} → ${connector.target.type}: ${summary(plan.stats)}`);
    for (const line of renderWarnings(plan.warnings)) p.err(line);
  }
  const guarded = checkClearGuard(plan, connector.clearGuard).tripped && !flags.force;
  if (plan.changes.length > 0 && !guarded) {
    const question = `Write ${plan.stats.changes} changes to ${plan.stats.changedUsers} users of ${connector.name}?`;
    if (!(await confirmOrRefuse(question, flags.yes))) throw new NotConfirmed('cancelled; nothing was written', 1);
  }
  const report = await applyPlanned(planned, {
    journal,
    force: flags.force,
    concurrency: flags.concurrency,
    signal,
    onProgress: (e) => progress.onProgress(e),
  });
  progress.stop();
  return report;
}

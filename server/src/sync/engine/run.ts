import type { RunnableConnector, TargetWriter } from '../types';
import type { Plan } from '../plan/plan-types';
import { planPages } from '../plan/planner';
import type { Evaluator } from '../plan/evaluator';
import type { Journal, RunTrigger } from '../journal/journal';
import { redactor } from '../secrets';
import type { LogFn, ProgressFn } from './events';
import { openIo, type EngineIo } from './io';
import { readIdpPages } from './read-idp';
import { loadSince, saveSince } from './delta-state';
import { applyPlan } from './apply-plan';
import type { RunReport } from './report';

/**
 * The engine's entry points for the CLI, the daemon and the VS Code extension: plan a connector, then
 * apply the plan as a journaled run. UI-free: progress and logs go to callbacks (logs redacted with the
 * connector's secrets), cancellation comes in as an AbortSignal.
 */

export interface PlanConnectorOptions extends EngineIo {
  /** Folder of the config file (relative file paths in settings). */
  configDir: string;
  /** Plan for this one IdP login only. */
  user?: string;
  /** Plan for the connector's pinned users (`user "…"` lines) only. */
  pinned?: boolean;
  /** Read only users changed since the journal's delta token (when it fits the current config). */
  journal?: Journal;
  incremental?: boolean;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  log?: LogFn;
  evaluate?: Evaluator;
}

export interface PlannedConnector {
  connector: RunnableConnector;
  plan: Plan;
  trigger: RunTrigger;
  target: TargetWriter;
  /** Delta token to store once the plan is fully applied. */
  nextSince?: string;
  throttles: () => number;
  /** How long reading and planning took (the journal counts it in the run's duration). */
  planMs: number;
}

export async function planConnector(
  connector: RunnableConnector,
  options: PlanConnectorOptions,
): Promise<PlannedConnector> {
  const began = performance.now();
  const redact = redactor(connector.secrets);
  const log: LogFn = (level, message) => options.log?.(level, redact(message));
  const io = openIo(connector, options.configDir, options, options.signal, (e) => {
    if (e.kind !== 'response')
      log(
        'info',
        `${e.kind} ${e.method} ${e.url}${e.status ? ` ${e.status}` : ''}${e.waitMs ? ` wait ${e.waitMs}ms` : ''}`,
      );
  });
  const partial = options.user !== undefined || options.pinned === true;
  const since = options.incremental && options.journal && !partial ? loadSince(options.journal, connector) : undefined;
  if (since) log('info', `${connector.name}: reading users changed since the last run`);
  const read = readIdpPages(connector, io.source(), {
    user: options.user,
    pinned: options.pinned,
    since,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const plan = await planPages(connector, read.pages, io.target, {
    signal: options.signal,
    evaluate: options.evaluate,
    onProgress: options.onProgress,
    concurrency: targetReadConcurrency(connector, options.io?.concurrency),
  });
  plan.warnings.unshift(...read.warnings);
  const trigger = triggerOf(options);
  return {
    connector,
    plan,
    trigger,
    target: io.target,
    nextSince: partial ? undefined : read.nextSince(),
    throttles: io.throttles,
    planMs: performance.now() - began,
  };
}

export interface ApplyOptions {
  journal: Journal;
  force?: boolean;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

/** Applies a plan as a journaled run; stores the delta token only when everything was applied. */
export async function applyPlanned(planned: PlannedConnector, options: ApplyOptions): Promise<RunReport> {
  const report = await applyPlan(planned.connector, planned.plan, planned.target, {
    journal: options.journal,
    trigger: planned.trigger,
    force: options.force,
    concurrency: options.concurrency,
    signal: options.signal,
    onProgress: options.onProgress,
    throttles: planned.throttles,
    planMs: planned.planMs,
  });
  if (report.status === 'ok' && planned.nextSince !== undefined)
    saveSince(options.journal, planned.connector, planned.nextSince);
  return report;
}

export interface RunConnectorOptions extends PlanConnectorOptions {
  journal: Journal;
  force?: boolean;
  concurrency?: number;
  /** Asked with the plan before writing; false records nothing and returns undefined. */
  confirm?: (planned: PlannedConnector) => Promise<boolean>;
  /** The caller already holds the state file's lock (the daemon, a CLI run over several connectors). */
  locked?: boolean;
}

/** Lock, plan, (confirm), apply. A planning failure is journaled as an 'error' run and rethrown. */
export async function runConnector(
  connector: RunnableConnector,
  options: RunConnectorOptions,
): Promise<RunReport | undefined> {
  const lock = options.locked ? undefined : options.journal.lock();
  try {
    let planned: PlannedConnector;
    const began = performance.now();
    try {
      planned = await planConnector(connector, options);
    } catch (e) {
      const status = options.signal?.aborted ? 'aborted' : 'error';
      recordFailedRun(options.journal, connector, triggerOf(options), e, status, performance.now() - began);
      throw e;
    }
    if (options.confirm && !(await options.confirm(planned))) return undefined;
    return await applyPlanned(planned, options);
  } finally {
    lock?.release();
  }
}

/** A run that failed before writing (IdP unreachable, auth refused) still shows in history. */
export function recordFailedRun(
  journal: Journal,
  connector: RunnableConnector,
  trigger: RunTrigger,
  error: unknown,
  status: 'error' | 'aborted' = 'error',
  planMs = 0,
): void {
  const redact = redactor(connector.secrets);
  const id = journal.startRun(connector.name, trigger, planMs);
  journal.finishRun(id, status, { error: redact(error instanceof Error ? error.message : String(error)) });
}

/**
 * Target reads the planner keeps in flight while the IdP is read. Jira's `store = entity` reads each
 * user with its own requests, already `concurrency` at a time within one read: one read at a time there.
 */
function targetReadConcurrency(connector: RunnableConnector, concurrency = 4): number {
  const store = connector.target.settings.store?.trim() || 'properties';
  return connector.target.type === 'jira' && store === 'entity' ? 1 : concurrency;
}

/** 'user' for --user and --pinned runs, 'schedule' for the daemon's incremental runs, else 'full'. */
export function triggerOf(options: Pick<PlanConnectorOptions, 'user' | 'pinned' | 'incremental'>): RunTrigger {
  if (options.user !== undefined || options.pinned) return 'user';
  return options.incremental ? 'schedule' : 'full';
}

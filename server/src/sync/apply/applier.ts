import type { ChangeResult, TargetWriter, UserChange } from '../types';
import type { ProgressFn } from '../engine/events';
import { isThrottle, isFatal, isFatalBatch, errorText } from './write-errors';

/**
 * Writes UserChanges in batches of 100 through a small worker pool (default 4). The abort signal is
 * not passed to the writer: batches in flight finish and their results are kept, then nothing new
 * starts. A throttled batch halves the pool; an auth error stops the run. Every user gets an outcome.
 */

export interface ApplyOptions {
  concurrency?: number;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** Called before a batch is sent (the journal records intents here). */
  onBatchStart?: (batch: UserChange[]) => void;
  /** Called with each batch's results, one per user of the batch. */
  onBatchDone?: (batch: UserChange[], results: ChangeResult[]) => void;
  /** A counter of 429 answers the target has seen (from its HTTP events); a rise halves the pool. */
  throttleCount?: () => number;
}

export type NotDoneReason = ChangeResult['status'] | 'aborted' | 'skipped';

export interface NotDone {
  username: string;
  status: Exclude<NotDoneReason, 'updated'>;
  message: string;
}

export interface ApplyOutcome {
  updated: string[];
  notDone: NotDone[];
  aborted: boolean;
}

export async function applyChanges(
  target: TargetWriter,
  changes: UserChange[],
  options: ApplyOptions = {},
): Promise<ApplyOutcome> {
  const size = Math.max(1, options.batchSize ?? 100);
  const batches: UserChange[][] = [];
  for (let i = 0; i < changes.length; i += size) batches.push(changes.slice(i, i + size));
  const results: ChangeResult[] = [];
  let limit = Math.max(1, Math.floor(options.concurrency ?? 4));
  let next = 0;
  let done = 0;
  let stopReason: { status: 'aborted' | 'skipped'; message: string } | undefined;
  let throttlesSeen = options.throttleCount?.() ?? 0;
  const slowDown = (): void => {
    limit = Math.max(1, Math.floor(limit / 2));
  };
  options.onProgress?.({ phase: 'apply', done: 0, total: changes.length });

  const worker = async (index: number): Promise<void> => {
    while (next < batches.length && index < limit && !stopReason) {
      if (options.signal?.aborted) {
        stopReason = { status: 'aborted', message: 'run was stopped before this user was written' };
        break;
      }
      const batch = batches[next++];
      options.onBatchStart?.(batch);
      let batchResults: ChangeResult[];
      try {
        batchResults = complete(batch, await target.write(batch, {}));
      } catch (e) {
        const message = errorText(e);
        batchResults = batch.map((c) => ({ username: c.username, status: 'failed' as const, message }));
        if (isFatal(e)) stopReason = { status: 'skipped', message: `not attempted: ${message}` };
        if (isThrottle(e)) slowDown();
      }
      if (!stopReason && isFatalBatch(batchResults))
        stopReason = { status: 'skipped', message: `not attempted: ${batchResults[0].message ?? 'failed'}` };
      const throttles = options.throttleCount?.() ?? 0;
      if (throttles > throttlesSeen || batchResults.some((r) => r.status === 'failed' && isThrottle(r.message)))
        slowDown();
      throttlesSeen = throttles;
      results.push(...batchResults);
      options.onBatchDone?.(batch, batchResults);
      done += batch.length;
      options.onProgress?.({ phase: 'apply', done, total: changes.length });
    }
  };
  await Promise.all(Array.from({ length: limit }, (_, i) => worker(i)));

  if (!stopReason && next < batches.length && options.signal?.aborted) {
    stopReason = { status: 'aborted', message: 'run was stopped before this user was written' };
  }
  const notDone: NotDone[] = [];
  const updated: string[] = [];
  for (const r of results) {
    if (r.status === 'updated') updated.push(r.username);
    else notDone.push({ username: r.username, status: r.status, message: r.message ?? r.status });
  }
  for (const batch of batches.slice(next)) {
    for (const c of batch)
      notDone.push({ username: c.username, ...(stopReason ?? { status: 'aborted', message: 'not attempted' }) });
  }
  return { updated, notDone, aborted: stopReason?.status === 'aborted' };
}

/** One result per change of the batch: a user the writer did not answer for counts as failed. */
function complete(batch: UserChange[], results: ChangeResult[]): ChangeResult[] {
  const byName = new Map(results.map((r) => [r.username.toLowerCase(), r]));
  return batch.map((c) => {
    const r = byName.get(c.username.toLowerCase());
    return r
      ? { ...r, username: c.username }
      : { username: c.username, status: 'failed' as const, message: 'the target returned no result for this user' };
  });
}

import { googleReason } from './errors';

/**
 * When to retry and how long to wait (api-facts.md §1 Graph throttling, §2 Okta rate limits,
 * §3 Google limits, §4 Jira/Confluence rate limiting).
 */

export interface BackoffOptions {
  /** First backoff step; doubles per attempt. */
  baseMs: number;
  /** No single wait is longer than this, whatever the server asks for. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 60_000 };

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
/** Google answers over-quota with 403 and one of these reasons, not 429 (§3). */
const GOOGLE_QUOTA_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']);
const RETRY_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'ECONNREFUSED',
  'EAI_AGAIN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export type Headers = Record<string, string | undefined>;

export function isRetryableStatus(status: number, body: unknown): boolean {
  if (RETRY_STATUSES.has(status)) return true;
  if (status === 403) {
    const reason = googleReason(body);
    return reason !== undefined && GOOGLE_QUOTA_REASONS.has(reason);
  }
  return false;
}

export function isRetryableNetworkError(code: string | undefined, message: string): boolean {
  if (code && RETRY_NETWORK_CODES.has(code)) return true;
  return /socket hang up|timeout/i.test(message);
}

/** Exponential backoff with full jitter: a random wait in [step/2, step], step = base * 2^(attempt-1). */
export function backoffMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * What the server says about waiting: `Retry-After` (seconds or HTTP date, §1 §4), and on 429 Okta's
 * `X-Rate-Limit-Reset` (UTC epoch seconds: "sleep until Reset", §2). Undefined when it says nothing.
 */
export function serverWaitMs(status: number, headers: Headers, now: number): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers['x-rate-limit-reset'];
  if (status === 429 && reset !== undefined) {
    const epoch = Number(reset);
    if (Number.isFinite(epoch)) return Math.max(0, epoch * 1000 - now);
  }
  return undefined;
}

/** The wait before retry number `attempt` (1-based): the server's word if any, else backoff; capped at maxMs. */
export function retryWaitMs(
  attempt: number,
  status: number | undefined,
  headers: Headers,
  options: BackoffOptions,
  now: number,
): number {
  const fromServer = status === undefined ? undefined : serverWaitMs(status, headers, now);
  // Retry-After: 0 (Jira/Confluence send 0 when tokens remain, §4) still gets a small backoff.
  const wait = fromServer !== undefined && fromServer > 0 ? fromServer : backoffMs(attempt, options);
  return Math.min(wait, options.maxMs);
}

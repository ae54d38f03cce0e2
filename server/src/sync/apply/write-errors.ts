import { HttpError } from '../http/errors';

/**
 * Classifies write failures: throttling (HTTP 429, or a result message that says so) shrinks the
 * worker pool; authentication/authorisation failures (401/403) stop the run since every further batch
 * would fail the same way.
 */

export function isThrottle(e: unknown): boolean {
  if (e instanceof HttpError) return e.status === 429;
  const text = typeof e === 'string' ? e : e instanceof Error ? e.message : '';
  return /\b429\b|rate.?limit|throttl/i.test(text);
}

export function isFatal(e: unknown): boolean {
  return e instanceof HttpError && (e.status === 401 || e.status === 403);
}

/** A batch whose every user failed because the token was refused: the next batch would fare no better. */
export function isFatalBatch(results: { status: string; message?: string }[]): boolean {
  return results.length > 0 && results.every((r) => r.status === 'failed' && /\(HTTP 40[13]\)/.test(r.message ?? ''));
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

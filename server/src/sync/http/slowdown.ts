import type { Headers } from './retry-policy';

/**
 * Proactive slowdown: when a response says the remaining budget is low, the next request waits.
 * - Okta (§2): `X-Rate-Limit-Remaining` under 10% of `X-Rate-Limit-Limit` → spread what is left until
 *   `X-Rate-Limit-Reset`: wait (reset - now) / (remaining + 1).
 * - Graph (§1): `x-ms-throttle-limit-percentage` ≥ 0.8 (sent only then) → wait a share of the 10 s bucket
 *   window growing with the percentage: 10 s × (pct − 0.8) × 2.5, i.e. 0 at 0.8 … 5 s at 1.0, at least graphMinMs.
 * Returns the delay in ms (0 = none), capped at maxMs.
 */
export function slowdownMs(headers: Headers, now: number, maxMs: number, graphMinMs = 200): number {
  const limit = Number(headers['x-rate-limit-limit']);
  const remaining = Number(headers['x-rate-limit-remaining']);
  const reset = Number(headers['x-rate-limit-reset']);
  let wait = 0;
  if (Number.isFinite(limit) && limit > 0 && Number.isFinite(remaining) && remaining < limit * 0.1) {
    if (Number.isFinite(reset)) wait = Math.max(0, (reset * 1000 - now) / (Math.max(0, remaining) + 1));
  }
  const pct = Number(headers['x-ms-throttle-limit-percentage']);
  if (Number.isFinite(pct) && pct >= 0.8) {
    wait = Math.max(wait, graphMinMs, 10_000 * (Math.min(pct, 1) - 0.8) * 2.5);
  }
  return Math.min(Math.round(wait), maxMs);
}

/** The two throttling models the vendors document: fixed windows (Okta, Google, Graph) and token buckets (Atlassian). */

export interface WindowState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which the window resets. */
  resetAt: number;
}

/** `limit` requests (or cost units) per window, counted from the first request of the window. */
export class FixedWindow {
  private start = 0;
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(cost = 1, now = Date.now()): WindowState {
    if (now >= this.start + this.windowMs) {
      this.start = now;
      this.used = 0;
    }
    const allowed = this.used + cost <= this.limit;
    if (allowed) this.used += cost;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.used),
      resetAt: this.start + this.windowMs,
    };
  }

  /** How full the window is (0..1), without taking anything. */
  usage(): number {
    return this.used / this.limit;
  }
}

export interface BucketState {
  allowed: boolean;
  capacity: number;
  remaining: number;
  fillRate: number;
  intervalSeconds: number;
  /** Seconds until one token is available again (0 when allowed). */
  retryAfter: number;
}

/** Atlassian DC rate limiting: `capacity` tokens, `fillRate` tokens added every `intervalSeconds`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(
    readonly capacity: number,
    readonly fillRate: number,
    readonly intervalSeconds: number,
  ) {
    this.tokens = capacity;
  }

  take(now = Date.now()): BucketState {
    const refill = ((now - this.last) / (this.intervalSeconds * 1000)) * this.fillRate;
    this.tokens = Math.min(this.capacity, this.tokens + refill);
    this.last = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const missing = allowed ? 0 : 1 - this.tokens;
    const retryAfter = allowed ? 0 : Math.ceil((missing / this.fillRate) * this.intervalSeconds);
    return {
      allowed,
      capacity: this.capacity,
      remaining: Math.floor(this.tokens),
      fillRate: this.fillRate,
      intervalSeconds: this.intervalSeconds,
      retryAfter,
    };
  }
}

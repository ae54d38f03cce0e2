import type { SandboxContext } from './context';
import { credential, reply, SimRequest, SimResponse } from './http';
import { TokenBucket } from './rate-limit';

/** What Jira and Confluence DC share: PAT auth, the rate-limit token bucket and their error bodies. */

export const jiraStyleError = (status: number, message: string, headers?: Record<string, string>): SimResponse =>
  reply(status, { errorMessages: [message], errors: {} }, headers);

export class AtlassianGuard {
  private readonly bucket?: TokenBucket;

  constructor(private readonly ctx: SandboxContext) {
    const l = ctx.limits?.atlassian;
    // api-facts §4 Rate limiting (DC): token bucket per user, admin-configured.
    if (l) this.bucket = new TokenBucket(l.capacity, l.fillRate, l.intervalSeconds);
  }

  /** PAT auth (api-facts §4 Auth: `Authorization: Bearer <PAT>`), then the bucket; headers on every answer. */
  wrap(handler: (req: SimRequest) => SimResponse): (req: SimRequest) => SimResponse {
    return (req) => {
      if (credential(req, 'Bearer') !== this.ctx.secret) {
        return jiraStyleError(401, 'You are not authenticated. Authentication required to perform this operation.', {
          'WWW-Authenticate': 'Bearer realm="sandbox"',
        });
      }
      const headers: Record<string, string> = {};
      if (this.bucket) {
        const s = this.bucket.take();
        // api-facts §4: X-RateLimit-Limit, -Remaining, -Interval-Seconds, -FillRate; 429 with Retry-After.
        headers['X-RateLimit-Limit'] = String(s.capacity);
        headers['X-RateLimit-Remaining'] = String(s.remaining);
        headers['X-RateLimit-Interval-Seconds'] = String(s.intervalSeconds);
        headers['X-RateLimit-FillRate'] = String(s.fillRate);
        if (!s.allowed) return this.throttled(headers, s.retryAfter);
      }
      const res = handler(req);
      res.headers = { ...res.headers, ...headers };
      return res;
    };
  }

  throttled(headers: Record<string, string> = {}, retryAfter = 1): SimResponse {
    return reply(
      429,
      { message: 'Rate limit exceeded. Try again later.' },
      { ...headers, 'Retry-After': String(Math.max(1, retryAfter)) },
    );
  }

  fault(status: 429 | 500 | 503): SimResponse {
    if (status === 429) return this.throttled();
    if (status === 503) return jiraStyleError(503, 'Service Unavailable', { 'Retry-After': '1' });
    return jiraStyleError(500, 'Internal server error');
  }
}

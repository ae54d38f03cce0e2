/**
 * Caches an access token and asks for a new one when it is about to expire or when the HTTP client saw a 401.
 * Concurrent callers share one token request.
 */
export interface IssuedToken {
  accessToken: string;
  /** Seconds the token is valid for (`expires_in`). */
  expiresIn: number;
}

const MARGIN_MS = 60_000;

export function tokenAuth(issue: () => Promise<IssuedToken>, scheme = 'Bearer'): (refresh: boolean) => Promise<string> {
  let current: { value: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return (refresh) => {
    if (!refresh && current && Date.now() < current.expiresAt) return Promise.resolve(current.value);
    if (!pending) {
      pending = issue()
        .then((t) => {
          const lifetime = Math.max(0, t.expiresIn * 1000);
          current = {
            value: `${scheme} ${t.accessToken}`,
            expiresAt: Date.now() + Math.max(lifetime / 2, lifetime - MARGIN_MS),
          };
          return current.value;
        })
        .finally(() => {
          pending = undefined;
        });
    }
    return pending;
  };
}

/** Reads `{access_token, expires_in}` from an OAuth token response. */
export function readTokenResponse(data: unknown, what: string): IssuedToken {
  const d = (data ?? {}) as { access_token?: unknown; expires_in?: unknown };
  if (typeof d.access_token !== 'string' || d.access_token === '')
    throw new Error(`${what}: the token response has no access_token`);
  const expiresIn = Number(d.expires_in);
  return { accessToken: d.access_token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : 3600 };
}

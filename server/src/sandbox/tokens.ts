import { createVerify, KeyObject, randomBytes } from 'crypto';

/** Access tokens issued by the simulated token endpoints, and the JWT checks those endpoints make. */

export type Audience = 'graph' | 'okta' | 'google';

interface Issued {
  audience: Audience;
  expiresAt: number;
  scopes: string[];
  /** Who the token acts for (Google domain-wide delegation: the impersonated admin). */
  subject?: string;
}

export type TokenCheck =
  { ok: true; scopes: string[]; subject?: string } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export class TokenStore {
  private readonly issued = new Map<string, Issued>();

  constructor(private readonly lifetimeSeconds: number) {}

  /** A new opaque bearer token for one API. */
  issue(audience: Audience, scopes: string[], subject?: string): { token: string; expiresIn: number } {
    if (this.issued.size > 10000) this.prune();
    const token = `${audience}.${randomBytes(24).toString('base64url')}`;
    this.issued.set(token, { audience, scopes, subject, expiresAt: Date.now() + this.lifetimeSeconds * 1000 });
    return { token, expiresIn: this.lifetimeSeconds };
  }

  check(token: string | undefined, audience: Audience): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const t = this.issued.get(token);
    if (!t || t.audience !== audience) return { ok: false, reason: 'invalid' };
    if (Date.now() >= t.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, scopes: t.scopes, subject: t.subject };
  }

  private prune(): void {
    const now = Date.now();
    for (const [k, t] of this.issued) if (t.expiresAt <= now) this.issued.delete(k);
  }
}

export interface Jwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Splits a compact JWS: three base64url parts, JSON header and payload. Undefined when malformed. */
export function decodeJwt(jwt: string | null | undefined): Jwt | undefined {
  const parts = (jwt ?? '').split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return undefined;
  }
}

/** RS256 signature check with the given public key. */
export function verifyRs256(jwt: Jwt, key: KeyObject): boolean {
  return createVerify('RSA-SHA256').update(jwt.signingInput).verify(key, jwt.signature);
}

/** Whether the `aud` claim (string or array) names this URL. */
export function audienceIs(jwt: Jwt, url: string): boolean {
  const aud = jwt.payload.aud;
  return aud === url || (Array.isArray(aud) && aud.includes(url));
}

/** Whether `exp` (epoch seconds) is absent or in the future, allowing 5 minutes of clock skew. */
export function notExpired(jwt: Jwt): boolean {
  const exp = jwt.payload.exp;
  return typeof exp !== 'number' || exp * 1000 + 300000 > Date.now();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

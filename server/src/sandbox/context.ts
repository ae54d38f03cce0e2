import type { KeyObject } from 'crypto';
import type { Directory } from './directory';
import type { AtlassianUsers } from './targets';
import type { TokenStore } from './tokens';

/** Throttling budgets; `false` in SandboxOptions.rateLimits turns all throttling off. */
export interface RateLimits {
  /** Graph resource units per 10 s for the app+tenant (api-facts §1 Throttling: S 3,500). */
  graphResourceUnits: number;
  /** Okta requests per minute (api-facts §2 Rate limits: ≈600/min for /api/v1/users). */
  oktaPerMinute: number;
  /** Google queries per minute per user (api-facts §3 Limits: 2,400). */
  googlePerMinute: number;
  /** Jira/Confluence token bucket per user (api-facts §4 Rate limiting: admin-configured). */
  atlassian: { capacity: number; fillRate: number; intervalSeconds: number };
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  graphResourceUnits: 3500,
  oktaPerMinute: 600,
  googlePerMinute: 2400,
  atlassian: { capacity: 1000, fillRate: 1000, intervalSeconds: 1 },
};

/** What the simulators share: the people, the targets, the issued tokens and the accepted credentials. */
export interface SandboxContext {
  dir: Directory;
  jira: AtlassianUsers;
  confluence: AtlassianUsers;
  tokens: TokenStore;
  /** The shared secret: Azure client secret, Okta SSWS token, Jira/Confluence PAT. */
  secret: string;
  azure: { tenant: string; tenantId: string; clientId: string; extensionAppId: string };
  okta: { clientId: string };
  google: { clientEmail: string; customerId: string; domain: string; adminEmail: string; publicKey: KeyObject };
  /** undefined = no throttling. */
  limits?: RateLimits;
}

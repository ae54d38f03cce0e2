import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { createConfluence } from './confluence';
import { DEFAULT_RATE_LIMITS, RateLimits, SandboxContext } from './context';
import { sandboxCredentials, SandboxCredentials, sandboxKeys } from './credentials';
import { NewPerson, PersonChange, Directory } from './directory';
import { Counters, dispatch, send } from './dispatch';
import { FaultInjector, FaultKind, FaultSpec, NO_FAULTS, parseFaults } from './faults';
import { createGoogle } from './google';
import { createGraph } from './graph';
import type { Simulator } from './http';
import { createJira } from './jira';
import { createLogin } from './login';
import { createOkta } from './okta';
import { seedHash } from './random';
import { AtlassianUser, AtlassianUsers } from './targets';
import { TokenStore } from './tokens';
import type { Person } from './users';

/** `startSandbox`: every vendor simulator on one port, path prefix per vendor. */

export interface SandboxOptions {
  /** Number of generated people (default 50). */
  users?: number;
  /** Seed for people, target state and faults (default 1). */
  seed?: number | string;
  /** Delay before every response, in ms (default 0). */
  latencyMs?: number;
  /** Fault spec, e.g. "429=0.05,500=0.02,reset=0.01,slow=0.02,slowms=2000" (see faults.ts). */
  faults?: string | FaultSpec;
  port?: number;
  host?: string;
  /** Shared secret (default $USERSYNC_SANDBOX_TOKEN or "sandbox-secret"). */
  token?: string;
  /** Lifetime of issued access tokens (default 3599 s). */
  tokenLifetimeSeconds?: number;
  /** Throttling budgets (defaults: context.ts DEFAULT_RATE_LIMITS); false = no throttling. */
  rateLimits?: Partial<RateLimits> | false;
}

export interface SandboxUrls {
  /** Like https://login.microsoftonline.com (login_url). */
  azureLogin: string;
  /** Like https://graph.microsoft.com (graph_url; the API is under /v1.0). */
  graph: string;
  /** Like https://contoso.okta.com (org_url). */
  okta: string;
  /** Like https://oauth2.googleapis.com/token (token_url). */
  googleToken: string;
  /** Like https://admin.googleapis.com (api_url; the API is under /admin/directory/v1). */
  googleApi: string;
  /** Jira base URL (url); the companion is at {jira}/rest/scriptrunner/latest/custom/usersync. */
  jira: string;
  confluence: string;
}

export interface SandboxStats extends Counters {
  faults: Record<FaultKind, number>;
}

/** A person as the tests see it: the canonical record plus its id in each IdP. */
export type SandboxPerson = Person & { graphId: string; oktaId: string; googleId: string };

export interface Sandbox {
  url: string;
  urls: SandboxUrls;
  credentials: SandboxCredentials;
  /** The Graph directory extension some people carry: `extension_<appId>_costCode`. */
  graphExtension: string;
  /** People generated at start. */
  users: number;
  seed: number | string;
  stats(): SandboxStats;
  person(email: string): SandboxPerson | undefined;
  /** The first `limit` present people (default all). */
  people(limit?: number): SandboxPerson[];
  jiraUser(username: string): AtlassianUser | undefined;
  confluenceUser(username: string): AtlassianUser | undefined;
  /** Current target state (copies). */
  jiraUsers(): AtlassianUser[];
  confluenceUsers(): AtlassianUser[];
  /** Changes a person in all three IdPs (bumps lastUpdated, shows in Graph delta). */
  updateUser(email: string, change: PersonChange): SandboxPerson;
  addUser(person: NewPerson): SandboxPerson;
  removeUser(email: string, reason?: 'changed' | 'deleted'): void;
  setFaults(faults: string | FaultSpec | undefined): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const count = options.users ?? 50;
  if (!Number.isInteger(count) || count < 0) throw new Error(`users must be a whole number ≥ 0 (got ${count})`);
  const seedValue = options.seed ?? 1;
  const seed = seedHash(seedValue);
  const host = options.host ?? '127.0.0.1';
  const secret = options.token ?? process.env.USERSYNC_SANDBOX_TOKEN ?? 'sandbox-secret';
  const toSpec = (f: string | FaultSpec | undefined) =>
    f === undefined ? NO_FAULTS : typeof f === 'string' ? parseFaults(f) : f;
  const faults = new FaultInjector(toSpec(options.faults), seed);
  const dir = new Directory(count, seed);
  const keys = await sandboxKeys();
  let origin = '';
  const urls = (): SandboxUrls => ({
    azureLogin: `${origin}/login`,
    graph: `${origin}/graph`,
    okta: `${origin}/okta`,
    googleToken: `${origin}/google/token`,
    googleApi: `${origin}/google`,
    jira: `${origin}/jira`,
    confluence: `${origin}/confluence`,
  });
  const ids = { tenantId: dir.ids.graphId(0x7fff0001), clientId: dir.ids.graphId(0x7fff0002) };
  const ctx: SandboxContext = {
    dir,
    jira: new AtlassianUsers('jira', dir, seed),
    confluence: new AtlassianUsers('confluence', dir, seed),
    tokens: new TokenStore(options.tokenLifetimeSeconds ?? 3599),
    secret,
    azure: { tenant: 'contoso.onmicrosoft.com', ...ids, extensionAppId: dir.ids.graphId(0x7fff0003).replace(/-/g, '') },
    okta: { clientId: dir.ids.oktaId(0x7fff0004).replace(/^00u/, '0oa') },
    google: {
      clientEmail: 'usersync-sandbox@usersync-sandbox.iam.gserviceaccount.com',
      customerId: 'C03sandbx',
      domain: 'contoso.com',
      adminEmail: 'admin@contoso.com',
      publicKey: keys.publicKey,
    },
    limits: options.rateLimits === false ? undefined : { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
  };
  const sims: Simulator[] = [
    createLogin(ctx, () => urls().graph),
    createGraph(ctx),
    createOkta(ctx),
    createGoogle(ctx),
    createJira(ctx),
    createConfluence(ctx),
  ];
  const simulators = new Map<string, Simulator>(sims.map((s) => [s.vendor, s]));
  const counters: Counters = { requests: {}, statuses: {}, total: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const t = setTimeout(() => (timers.delete(t), resolve()), ms);
          timers.add(t);
        });
  const dispatchOptions = {
    origin: () => origin,
    simulators,
    faults,
    latencyMs: options.latencyMs ?? 0,
    counters,
    delay,
  };
  const server = createServer((req, res) => {
    dispatch(dispatchOptions, req, res).catch((e: Error) =>
      send(res, { status: 500, body: { message: `sandbox error: ${e.message}` } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const view = (p: Person | undefined): SandboxPerson | undefined =>
    p && {
      ...p,
      graphId: dir.ids.graphId(p.index),
      oktaId: dir.ids.oktaId(p.index),
      googleId: dir.ids.googleId(p.index),
    };
  const copy = (u: AtlassianUser): AtlassianUser => ({
    ...u,
    properties: { ...u.properties },
    profile: { ...u.profile },
    entity: new Map(u.entity),
  });
  return {
    url: origin,
    urls: urls(),
    credentials: sandboxCredentials(ctx, urls(), keys.privateKeyPem),
    graphExtension: `extension_${ctx.azure.extensionAppId}_costCode`,
    users: count,
    seed: seedValue,
    stats: () => structuredClone({ ...counters, faults: faults.counts }),
    person: (email) => view(dir.byAddress(email)),
    people: (limit = Infinity) => dir.page(0, Math.min(limit, dir.size)).people.map((p) => view(p)!),
    jiraUser: (u) => ctx.jira.get(u),
    confluenceUser: (u) => ctx.confluence.get(u),
    jiraUsers: () => [...ctx.jira.all()].map(copy),
    confluenceUsers: () => [...ctx.confluence.all()].map(copy),
    updateUser: (email, change) => view(dir.update(email, change))!,
    addUser: (input) => view(dir.add(input))!,
    removeUser: (email, reason) => void dir.remove(email, reason),
    setFaults: (f) => faults.configure(toSpec(f)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

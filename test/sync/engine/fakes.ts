import type {
  ChangeResult,
  IdpUser,
  ReadOptions,
  RunnableConnector,
  SourcePage,
  SourceReader,
  TargetUser,
  TargetWriter,
  UserChange,
} from '../../../server/src/sync/types';
import type { Expr } from '../../../server/src/model/model';
import { path } from '../../model/builders';

/**
 * In-memory SourceReader and TargetWriter for planner, applier and journal specs. The target keeps
 * users by lower-cased username (Atlassian usernames are case-insensitive) and applies writes for real,
 * so "plan again after run" can be asserted.
 */

export function connector(
  overrides: Partial<RunnableConnector> & { map?: Record<string, string> } = {},
): RunnableConnector {
  const { map, ...rest } = overrides;
  const mappings = Object.entries(map ?? { Department: 'department', Title: 'title' }).map(([key, expr]) => ({
    kind: key.startsWith('profile:') ? ('profile' as const) : ('property' as const),
    key: key.replace(/^profile:/, ''),
    expr: path(expr) as Expr,
  }));
  return {
    name: 'test',
    source: { type: 'okta', settings: { org_url: 'https://okta.invalid', token: 'okta-secret-token-123' } },
    target: { type: 'jira', settings: { url: 'https://jira.invalid', token: 'jira-secret-token-456' } },
    match: path('login'),
    mappings,
    onEmpty: 'keep',
    clearGuard: 0.1,
    users: [],
    secrets: ['okta-secret-token-123', 'jira-secret-token-456'],
    ...rest,
  };
}

export function idp(id: string, raw: Record<string, unknown>): IdpUser {
  return { id, raw };
}

export class FakeSource implements SourceReader {
  readonly type = 'okta' as const;
  sinceSeen: (string | undefined)[] = [];
  constructor(
    public users: IdpUser[],
    private readonly pageSize = 2,
    private readonly token?: string,
  ) {}
  async *list(options: ReadOptions): AsyncIterable<SourcePage> {
    this.sinceSeen.push(options.since);
    for (let i = 0; i < this.users.length; i += this.pageSize) yield { users: this.users.slice(i, i + this.pageSize) };
  }
  async get(login: string): Promise<IdpUser | undefined> {
    return this.users.find((u) => String(u.raw.login).toLowerCase() === login.toLowerCase());
  }
  nextSince(): string | undefined {
    return this.token;
  }
}

export interface TargetSpec {
  properties?: Record<string, string>;
  profile?: Record<string, string>;
}

export class FakeTarget implements TargetWriter {
  readonly users = new Map<string, TargetUser>();
  readonly writeCalls: UserChange[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Per-username outcome other than 'updated'. */
  outcome: Record<string, { status: ChangeResult['status']; message?: string }> = {};
  /** Called while a batch is "on the wire" (before it is applied). */
  duringWrite?: (batch: UserChange[]) => void | Promise<void>;
  writeDelayMs = 0;

  constructor(
    readonly type: 'jira' | 'confluence' = 'jira',
    users: Record<string, TargetSpec> = {},
  ) {
    for (const [username, spec] of Object.entries(users)) this.add(username, spec);
  }

  add(username: string, spec: TargetSpec = {}): void {
    this.users.set(username.toLowerCase(), {
      username,
      key: `KEY-${username}`,
      active: true,
      properties: { ...spec.properties },
      profile: { ...spec.profile },
    });
  }

  async health() {
    return { product: this.type, version: '9.12.2' };
  }

  async read(usernames: string[]) {
    const users: TargetUser[] = [];
    const missing: string[] = [];
    for (const name of usernames) {
      const u = this.users.get(name.toLowerCase());
      if (u) users.push(structuredClone(u));
      else missing.push(name);
    }
    return { users, missing };
  }

  async write(changes: UserChange[]): Promise<ChangeResult[]> {
    this.writeCalls.push(changes);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.duringWrite?.(changes);
      if (this.writeDelayMs) await new Promise((r) => setTimeout(r, this.writeDelayMs));
      return changes.map((c) => this.apply(c));
    } finally {
      this.inFlight--;
    }
  }

  private apply(c: UserChange): ChangeResult {
    const forced = this.outcome[c.username];
    if (forced) return { username: c.username, ...forced };
    const u = this.users.get(c.username.toLowerCase());
    if (!u) return { username: c.username, status: 'not_found' };
    Object.assign(u.properties, c.set.properties);
    Object.assign(u.profile, c.set.profile);
    u.properties = without(u.properties, c.unset.properties ?? []);
    u.profile = without(u.profile, c.unset.profile ?? []);
    return { username: c.username, status: 'updated' };
  }
}

function without(values: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));
}

import type { Expr, SourceType, TargetType } from '../model/model';

/**
 * The contracts between the engine's stages: sources read IdP users, targets read and write
 * Atlassian users, the planner compares, the applier writes, the journal records.
 * Nothing here knows about LSP or VS Code.
 */

/** A user as the IdP returned it: the raw JSON object (Graph `manager` expanded in place). */
export interface IdpUser {
  /** The IdP's immutable id (Graph id, Okta id, Google id). */
  id: string;
  raw: Record<string, unknown>;
}

/** One page of users, or a removal seen in an incremental read. */
export interface SourcePage {
  users: IdpUser[];
  /** Ids the IdP reported as deleted (Graph delta `@removed`). */
  removed?: string[];
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Token from the previous run's state (Graph deltaLink, Okta lastUpdated, Google none). */
  since?: string;
}

export interface SourceReader {
  readonly type: SourceType;
  /** All users (or those changed since `since`), page by page. */
  list(options: ReadOptions): AsyncIterable<SourcePage>;
  /** One user by login (UPN, Okta login, Google primary email); undefined when the IdP has none. */
  get(login: string, options: ReadOptions): Promise<IdpUser | undefined>;
  /** After `list` finished: the token that lets the next run read only what changed. */
  nextSince(): string | undefined;
}

export interface TargetUser {
  username: string;
  key: string;
  active: boolean;
  properties: Record<string, string>;
  profile: Record<string, string>;
}

export interface UserChange {
  username: string;
  set: { properties?: Record<string, string>; profile?: Record<string, string> };
  unset: { properties?: string[]; profile?: string[] };
}

export interface ChangeResult {
  username: string;
  status: 'updated' | 'not_found' | 'rejected' | 'failed';
  message?: string;
}

export interface TargetWriter {
  readonly type: TargetType;
  health(options: { signal?: AbortSignal }): Promise<{ product: string; version: string }>;
  /** Current values for these usernames; batching (at most 100 per request) is the writer's job. */
  read(usernames: string[], options: { signal?: AbortSignal }): Promise<{ users: TargetUser[]; missing: string[] }>;
  /** Writes; batching and retries are the writer's job. One result per change, in any order. */
  write(changes: UserChange[], options: { signal?: AbortSignal }): Promise<ChangeResult[]>;
}

/** A setting value after secret resolution. Secret values are wrapped so that printing them shows nothing. */
export type Resolved = string;

/** A connector ready to run: settings resolved, expressions kept as model expressions. */
export interface RunnableConnector {
  name: string;
  source: { type: SourceType; settings: Record<string, string> };
  target: { type: TargetType; settings: Record<string, string> };
  match: Expr;
  mappings: { kind: 'property' | 'profile'; key: string; expr: Expr }[];
  onEmpty: 'keep' | 'clear';
  /** Largest share of target users whose values a run may clear before it stops (0..1). */
  clearGuard: number;
  schedule?: string;
  users: string[];
  /** Values to redact from any output: every resolved secret. */
  secrets: string[];
}

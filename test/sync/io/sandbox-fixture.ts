import type { Expr, PathSegment, SourceType, TargetType } from '../../../server/src/model/model';
import type { Sandbox } from '../../../server/src/sandbox/server';
import type { HttpEvent } from '../../../server/src/sync/http/client';
import type { IoOptions } from '../../../server/src/sync/sources';
import type { RunnableConnector, SourcePage, SourceReader } from '../../../server/src/sync/types';

/** Connectors and options for the sandbox integration tests. */

const span = { start: 0, end: 0 };

/** `manager.mail`, `organizations[primary=true].title` → a path expression (selectors kept as names only). */
export function path(dotted: string): Expr {
  const segments = dotted.split('.').map((raw): PathSegment => ({ name: raw.replace(/\[.*\]$/, ''), span }));
  return { kind: 'path', segments, span };
}

export function runnable(
  source: { type: SourceType; settings: Record<string, string> },
  match: string,
  mapped: string[],
  target: { type: TargetType; settings: Record<string, string> } = { type: 'jira', settings: {} },
): RunnableConnector {
  return {
    name: 'io-test',
    source,
    target,
    match: path(match),
    mappings: mapped.map((m, i) => ({ kind: 'property', key: `P${i}`, expr: path(m) })),
    onEmpty: 'keep',
    clearGuard: 1,
    users: [],
    secrets: [],
  };
}

export function azureSettings(
  sb: Sandbox,
  extra: Record<string, string> = {},
): { type: 'azure'; settings: Record<string, string> } {
  const c = sb.credentials.azure;
  return {
    type: 'azure',
    settings: {
      tenant: c.tenant,
      client_id: c.clientId,
      client_secret: c.clientSecret,
      login_url: sb.urls.azureLogin,
      graph_url: sb.urls.graph,
      ...extra,
    },
  };
}

export function oktaSettings(
  sb: Sandbox,
  extra: Record<string, string> = {},
): { type: 'okta'; settings: Record<string, string> } {
  return { type: 'okta', settings: { org_url: sb.urls.okta, token: sb.credentials.okta.token, ...extra } };
}

export function googleSettings(
  sb: Sandbox,
  extra: Record<string, string> = {},
): { type: 'google'; settings: Record<string, string> } {
  const g = sb.credentials.google;
  return {
    type: 'google',
    settings: {
      service_account_key: JSON.stringify(g.serviceAccountKey),
      admin_email: g.adminEmail,
      api_url: sb.urls.googleApi,
      ...extra,
    },
  };
}

/** IoOptions with a short backoff and an event log. */
export function ioOptions(events: HttpEvent[] = [], extra: Partial<IoOptions> = {}): IoOptions {
  return {
    configDir: '.',
    log: (e) => events.push(e),
    http: { maxRetries: 6, backoff: { baseMs: 1, maxMs: 20 } },
    ...extra,
  };
}

export async function readAll(
  reader: SourceReader,
  since?: string,
): Promise<{ pages: SourcePage[]; ids: string[]; removed: string[] }> {
  const pages: SourcePage[] = [];
  for await (const page of reader.list({ since })) pages.push(page);
  return {
    pages,
    ids: pages.flatMap((p) => p.users.map((u) => u.id)),
    removed: pages.flatMap((p) => p.removed ?? []),
  };
}

/** The query parameters of logged responses whose path ends with `pathEnd`. */
export function loggedQueries(events: HttpEvent[], pathEnd: string): URLSearchParams[] {
  return events
    .filter((e) => e.kind === 'response' && new URL(e.url).pathname.endsWith(pathEnd))
    .map((e) => new URL(e.url).searchParams);
}

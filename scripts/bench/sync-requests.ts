import type { SandboxStats } from '../../server/src/sandbox/server';

/**
 * The sandbox's request counters (per vendor and route), sorted into the kinds the sync benchmark
 * compares with what the engine's strategy needs at least.
 */

export type RequestKind = 'token' | 'idpPages' | 'perUser' | 'targetReads' | 'targetWrites' | 'other';

export const KIND_LABELS: Record<RequestKind, string> = {
  token: 'token requests',
  idpPages: 'IdP list pages',
  perUser: 'IdP per-user GETs',
  targetReads: 'target reads',
  targetWrites: 'target writes',
  other: 'other requests',
};

const TARGETS = new Set(['jira', 'confluence']);

/** The kind of a request, from the sandbox's route name (`GET /v1.0/users/{id}`) or the real path. */
export function kindOf(vendor: string, route: string): RequestKind {
  const [method, path = ''] = route.split(' ');
  if (TARGETS.has(vendor)) {
    if (path.endsWith('/usersync/users')) return method === 'GET' ? 'targetReads' : 'targetWrites';
    if (path.startsWith('/rest/api/2/user/properties/')) return method === 'GET' ? 'targetReads' : 'targetWrites';
    return 'other';
  }
  if (/token/.test(path)) return 'token';
  if (/\/users(\/delta(\(\))?)?$/.test(path)) return 'idpPages';
  if (/\/users\/[^/]+(\/manager)?$/.test(path)) return 'perUser';
  return 'other';
}

/** Requests by kind between two snapshots of the sandbox's stats; `routes` lists each route's count. */
export function requestsBetween(
  before: SandboxStats,
  after: SandboxStats,
): { byKind: Record<RequestKind, number>; routes: string[] } {
  const byKind: Record<RequestKind, number> = {
    token: 0,
    idpPages: 0,
    perUser: 0,
    targetReads: 0,
    targetWrites: 0,
    other: 0,
  };
  const routes: string[] = [];
  for (const [vendor, table] of Object.entries(after.requests)) {
    for (const [route, count] of Object.entries(table ?? {})) {
      const n = count - (before.requests[vendor as keyof SandboxStats['requests']]?.[route] ?? 0);
      if (n <= 0) continue;
      byKind[kindOf(vendor, route)] += n;
      routes.push(`${vendor} ${route}: ${n}`);
    }
  }
  return { byKind, routes };
}

import { graphError, GraphApi } from './graph-common';
import { idsOnly, parseGraphFilter } from './graph-filter';
import { GRAPH_DEFAULT_PROPS } from './graph-shape';
import { decodeToken, encodeToken, reply, SimRequest, SimResponse } from './http';
import type { Person } from './users';

/**
 * GET /v1.0/users/delta (api-facts §1 Delta): the first call takes $select (and an `id eq` filter);
 * they are encoded into the tokens. A round pages with @odata.nextLink ($skiptoken) and ends with
 * @odata.deltaLink ($deltatoken); calling that link returns only the users changed since, removed users
 * as {"id", "@removed": {"reason"}}.
 */

interface Round {
  /** 'i' = initial (every user), 'c' = changes since version `v` up to version `u`. */
  m: 'i' | 'c';
  p: number;
  s: string[];
  ids: string[] | null;
  v: number;
  u: number;
}

interface DeltaToken {
  v: number;
  s: string[];
  ids: string[] | null;
}

const MAX_IDS = 50; // api-facts §1 Delta: $filter only id eq '…' (≤ 50 ids)

export function graphDelta(api: GraphApi, req: SimRequest): SimResponse {
  const round = startOrContinue(api, req);
  if (!('m' in round)) return round;
  const dir = api.ctx.dir;
  const size = pageSize(req);
  const ids = round.ids ? new Set(round.ids.map((s) => s.toLowerCase())) : undefined;
  const wanted = (p: Person) => !ids || ids.has(dir.ids.graphId(p.index));
  let items: Record<string, unknown>[];
  let next: Round | undefined;
  if (round.m === 'i') {
    const page = dir.page(round.p, size, wanted);
    items = page.people.map((p) => api.type.shape(p, round.s, dir));
    if (page.next >= 0) next = { ...round, p: page.next };
  } else {
    const changed = dir
      .changedSince(round.v, round.u)
      .map((i) => dir.at(i)!)
      .filter(wanted);
    items = changed
      .slice(round.p, round.p + size)
      .map((p) =>
        p.removed
          ? { id: dir.ids.graphId(p.index), '@removed': { reason: p.removed } }
          : api.type.shape(p, round.s, dir),
      );
    if (round.p + size < changed.length) next = { ...round, p: round.p + size };
  }
  const body: Record<string, unknown> = { '@odata.context': `${req.base}/v1.0/$metadata#users(${round.s.join(',')})` };
  if (next) body['@odata.nextLink'] = `${req.base}/v1.0/users/delta?$skiptoken=${encodeToken(next)}`;
  else
    body['@odata.deltaLink'] = deltaLink(req, { v: round.m === 'i' ? round.v : round.u, s: round.s, ids: round.ids });
  body.value = items;
  return reply(
    200,
    body,
    req.headers.prefer?.includes('odata.maxpagesize')
      ? { 'Preference-Applied': `odata.maxpagesize=${size}` }
      : undefined,
  );
}

const deltaLink = (req: SimRequest, t: DeltaToken): string =>
  `${req.base}/v1.0/users/delta?$deltatoken=${encodeToken(t)}`;

function pageSize(req: SimRequest): number {
  const m = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(String(req.headers.prefer ?? ''));
  const n = m ? Number(m[1]) : 100;
  return Math.min(999, Math.max(1, n));
}

function expired(): SimResponse {
  return graphError(
    400,
    'Directory_ExpiredPageToken',
    'The specified page token value has expired and can no longer be included in your request.',
  );
}

function startOrContinue(api: GraphApi, req: SimRequest): Round | SimResponse {
  const q = req.query;
  const dir = api.ctx.dir;
  const skip = q.get('$skiptoken');
  if (skip !== null) {
    const r = decodeToken<Round>(skip);
    return r && (r.m === 'i' || r.m === 'c') && Array.isArray(r.s) ? r : expired();
  }
  const token = q.get('$deltatoken');
  if (token !== null && token !== 'latest') {
    const t = decodeToken<DeltaToken>(token);
    if (!t || typeof t.v !== 'number' || !Array.isArray(t.s)) return expired();
    return { m: 'c', p: 0, s: t.s, ids: t.ids ?? null, v: t.v, u: dir.version };
  }
  const props = api.select(req, true, GRAPH_DEFAULT_PROPS);
  if (!Array.isArray(props)) return props;
  let ids: string[] | null = null;
  const rawFilter = q.get('$filter');
  if (rawFilter !== null) {
    const f = parseGraphFilter(rawFilter, api.type);
    const only = f.ok ? idsOnly(f.filter) : undefined;
    if (!only || only.length > MAX_IDS) {
      return graphError(
        400,
        'Request_UnsupportedQuery',
        `Delta supports only $filter=id eq '…' (or'ed, at most ${MAX_IDS}).`,
      );
    }
    ids = only;
  }
  // `$deltatoken=latest`: no users, just a link that reports changes from now on.
  if (token === 'latest') return { m: 'c', p: 0, s: props, ids, v: dir.version, u: dir.version };
  return { m: 'i', p: 0, s: props, ids, v: dir.version, u: dir.version };
}

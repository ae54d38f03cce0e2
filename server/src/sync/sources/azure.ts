import { mapConcurrent } from '../http/concurrency';
import { HttpError } from '../http/errors';
import type { HttpClient } from '../http/client';
import type { Query } from '../http/url';
import { chainedPages, peekJsonString } from './chained-pages';
import type { IdpUser, ReadOptions, RunnableConnector, SourcePage, SourceReader } from '../types';
import { attributesUsed } from './attributes-used';
import { azureAuth } from './azure-auth';
import { graphSelection, managerExpand, type GraphSelection } from './azure-select';
import { clientFactory, trimSlash, type IoOptions } from './source-options';

/**
 * Microsoft Graph reader (api-facts.md §1).
 *
 * Full read: GET /v1.0/users?$select=<used top-level properties + id,userPrincipalName>&$top=999[&$filter]
 * [&$expand=manager($select=…)], following @odata.nextLink verbatim. `$expand=manager` caps pages at 100 users;
 * that still costs one request per 100 users, far cheaper than GET /users/{id}/manager for each user, so the
 * manager is expanded in the list. listSupported:false properties are fetched per user with bounded concurrency.
 *
 * Incremental: delta cannot `$filter` (§1), so only connectors without `filter` read incrementally. Before a
 * full read the reader takes the current delta token (GET /users/delta?$deltatoken=latest, following pages
 * until @odata.deltaLink for servers that ignore `latest`); taking it first means changes made during the read
 * show up again next time rather than being lost. A later run follows that deltaLink: `@removed` entries go to
 * page.removed; changed users are re-read one by one when the manager or per-user properties are needed
 * (delta reports a manager change only as `manager@delta` ids). An expired token falls back to a full read.
 */
export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';
const MAX_TOP = 999;

interface GraphPage {
  value?: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export function createAzureSource(connector: RunnableConnector, opts: IoOptions): SourceReader {
  const settings = connector.source.settings;
  const graphUrl = trimSlash(settings.graph_url?.trim() || DEFAULT_GRAPH_URL);
  const makeClient = clientFactory(settings, opts);
  const graph = makeClient(graphUrl, azureAuth(settings, graphUrl, makeClient));
  const sel = graphSelection(attributesUsed(connector));
  const filter = settings.filter?.trim() || undefined;
  const concurrency = opts.concurrency ?? 4;
  let next: string | undefined;

  const listQuery: Query = {
    $select: sel.list.join(','),
    $top: Math.min(opts.pageSize ?? MAX_TOP, MAX_TOP),
    $filter: filter,
    $expand: sel.manager ? managerExpand(sel.manager) : undefined,
  };

  async function* fullRead(signal?: AbortSignal): AsyncGenerator<SourcePage> {
    const deltaLink = filter ? undefined : await latestDeltaLink(graph, sel, signal);
    for await (const page of graphPages(graph, '/v1.0/users', listQuery, signal)) {
      const users = await addPerUserProperties(page.value ?? [], signal);
      yield { users: users.map(toIdpUser) };
    }
    next = deltaLink;
  }

  async function* deltaRead(deltaLink: string, signal?: AbortSignal): AsyncGenerator<SourcePage> {
    let last: string | undefined;
    for await (const page of graphPages(graph, deltaLink, undefined, signal)) {
      const removed = (page.value ?? []).filter((u) => u['@removed']).map((u) => String(u.id));
      const changed = (page.value ?? []).filter((u) => !u['@removed']);
      const users = sel.manager || sel.perUser.length > 0 ? await reread(changed, signal) : changed;
      yield { users: users.map(toIdpUser), ...(removed.length ? { removed } : {}) };
      last = page['@odata.deltaLink'] ?? last;
    }
    next = last ?? deltaLink;
  }

  async function addPerUserProperties(users: Record<string, unknown>[], signal?: AbortSignal) {
    if (sel.perUser.length === 0) return users;
    return mapConcurrent(users, concurrency, async (u) => {
      const extra = await fetchUser(String(u.id), sel.perUser, false, signal);
      return extra ? { ...u, ...extra } : u;
    });
  }

  async function reread(users: Record<string, unknown>[], signal?: AbortSignal) {
    const fields = [...sel.list, ...sel.perUser];
    const fresh = await mapConcurrent(users, concurrency, (u) => fetchUser(String(u.id), fields, true, signal));
    return fresh.filter((u): u is Record<string, unknown> => u !== undefined);
  }

  async function fetchUser(key: string, fields: string[], withManager: boolean, signal?: AbortSignal) {
    const res = await graph.request<Record<string, unknown>>({
      url: `/v1.0/users/${encodeURIComponent(key)}`,
      query: {
        $select: fields.join(','),
        $expand: withManager && sel.manager ? managerExpand(sel.manager) : undefined,
      },
      accept: [404],
      signal,
    });
    return res.status === 404 ? undefined : res.data;
  }

  return {
    type: 'azure',
    list(options: ReadOptions): AsyncIterable<SourcePage> {
      next = undefined;
      return (async function* () {
        // A token that is not a URL (state from another source type) means a full read; a URL on another
        // origin is refused by host pinning.
        if (options.since && /^https?:\/\//i.test(options.since) && !filter) {
          let yielded = false;
          try {
            for await (const page of deltaRead(options.since, options.signal)) {
              yielded = true;
              yield page;
            }
            return;
          } catch (e) {
            if (!isExpiredToken(e) || yielded) throw e;
          }
        }
        yield* fullRead(options.signal);
      })();
    },
    async get(login: string, options: ReadOptions): Promise<IdpUser | undefined> {
      const raw = await fetchUser(login, [...sel.list, ...sel.perUser], true, options.signal);
      return raw ? toIdpUser(raw) : undefined;
    },
    nextSince: () => next,
  };
}

/** Pages of a Graph collection: the first URL with its query, then each @odata.nextLink verbatim. */
function graphPages(graph: HttpClient, url: string, query: Query | undefined, signal?: AbortSignal) {
  return chainedPages<GraphPage>({
    first: () => graph.requestText({ url, query, signal }),
    fetch: (link) => graph.requestText({ url: link, signal }),
    peek: (res) => peekJsonString(res.data, NEXT_LINK),
    next: (page) => page?.[NEXT_LINK],
  });
}

const NEXT_LINK = '@odata.nextLink';

async function latestDeltaLink(
  graph: HttpClient,
  sel: GraphSelection,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const query: Query = {
    $select: sel.list.join(','),
    $expand: sel.manager ? 'manager' : undefined,
    $deltatoken: 'latest',
  };
  let deltaLink: string | undefined;
  for await (const page of graphPages(graph, '/v1.0/users/delta', query, signal))
    deltaLink = page['@odata.deltaLink'] ?? deltaLink;
  return deltaLink;
}

/** Graph answers an expired delta token with 410 (resync required) or 400 Directory_ExpiredPageToken. */
function isExpiredToken(e: unknown): boolean {
  return (
    e instanceof HttpError && (e.status === 410 || (e.status === 400 && e.vendorCode === 'Directory_ExpiredPageToken'))
  );
}

function toIdpUser(raw: Record<string, unknown>): IdpUser {
  if (!Object.keys(raw).some(isAnnotation)) return { id: String(raw.id), raw };
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!isAnnotation(k)) clean[k] = v;
  return { id: String(raw.id), raw: clean };
}

/** Graph's annotations on a user (`@odata.type`, `manager@delta`): not attributes. */
function isAnnotation(key: string): boolean {
  return key.startsWith('@odata.') || key === 'manager@delta';
}

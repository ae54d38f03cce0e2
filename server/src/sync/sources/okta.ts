import { nextLink } from '../http/link-header';
import { withQuery } from '../http/url';
import { chainedPages } from './chained-pages';
import type { IdpUser, ReadOptions, RunnableConnector, SourcePage, SourceReader } from '../types';
import { attributesUsed } from './attributes-used';
import { oktaAuth } from './okta-auth';
import { oktaFields } from './okta-select';
import { clientFactory, required, trimSlash, type IoOptions } from './source-options';

/**
 * Okta reader (api-facts.md §2): GET {org_url}/api/v1/users?limit=200[&search=…]&fields=…, following the
 * Link rel="next" header until it is absent. `fields` asks only for what the connector reads (okta-select.ts);
 * a single user (GET /api/v1/users/{login}) is read whole: Okta's management API description
 * (reference/idp/raw/okta-management-minimal-*.yaml) documents no projection there.
 * Rate-limit headers (X-Rate-Limit-*) are handled by the HTTP client.
 *
 * Incremental: `search=lastUpdated gt "<since>"` (joined to the configured search with `and`); nextSince is the
 * latest lastUpdated seen (else the previous token, else the run's start time). A plain list omits
 * DEPROVISIONED users but a search includes them, so without a configured search an incremental read reports
 * DEPROVISIONED users as removed, which is what a full read would show.
 */
const MAX_LIMIT = 200;

export function createOktaSource(connector: RunnableConnector, opts: IoOptions): SourceReader {
  const settings = connector.source.settings;
  const orgUrl = trimSlash(required(settings, 'org_url', 'source okta'));
  const makeClient = clientFactory(settings, opts);
  const okta = makeClient(orgUrl, oktaAuth(settings, orgUrl, makeClient));
  const userSearch = settings.search?.trim() || undefined;
  const limit = Math.min(opts.pageSize ?? MAX_LIMIT, MAX_LIMIT);
  const fields = oktaFields(attributesUsed(connector));
  let next: string | undefined;

  async function* read(options: ReadOptions): AsyncGenerator<SourcePage> {
    const started = new Date().toISOString();
    // A token that is not a timestamp (state from another source type) means a full read.
    const since = options.since && !Number.isNaN(Date.parse(options.since)) ? options.since : undefined;
    const search = since ? joinSearch(userSearch, `lastUpdated gt "${since}"`) : userSearch;
    let latest = since;
    const pages = chainedPages<unknown>({
      first: () =>
        okta.requestText({
          url: withQuery(`${orgUrl}/api/v1/users`, { limit, search, fields }),
          signal: options.signal,
        }),
      fetch: (url) => okta.requestText({ url, signal: options.signal }),
      peek: (res) => nextLink(res.headers.link, res.url),
      next: (_, res) => nextLink(res.headers.link, res.url),
    });
    for await (const page of pages) {
      const users: IdpUser[] = [];
      const removed: string[] = [];
      for (const raw of Array.isArray(page) ? (page as Record<string, unknown>[]) : []) {
        if (typeof raw.lastUpdated === 'string' && (!latest || raw.lastUpdated > latest)) latest = raw.lastUpdated;
        if (since && !userSearch && raw.status === 'DEPROVISIONED') removed.push(String(raw.id));
        else users.push({ id: String(raw.id), raw });
      }
      yield { users, ...(removed.length ? { removed } : {}) };
    }
    next = latest ?? started;
  }

  return {
    type: 'okta',
    list(options) {
      next = undefined;
      return read(options);
    },
    async get(login, options) {
      const res = await okta.request<Record<string, unknown>>({
        url: `/api/v1/users/${encodeURIComponent(login)}`,
        accept: [404],
        signal: options.signal,
      });
      return res.status === 404 || !res.data ? undefined : { id: String(res.data.id), raw: res.data };
    },
    nextSince: () => next,
  };
}

/** `(<configured search>) and <extra>`; the parentheses keep an `or` in the configured search intact. */
export function joinSearch(configured: string | undefined, extra: string): string {
  return configured ? `(${configured}) and ${extra}` : extra;
}

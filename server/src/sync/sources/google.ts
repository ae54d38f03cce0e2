import type { Query } from '../http/url';
import { chainedPages } from './chained-pages';
import type { ReadOptions, RunnableConnector, SourcePage, SourceReader } from '../types';
import { attributesUsed } from './attributes-used';
import { googleAuth } from './google-auth';
import { googleListFields, googleUserFields } from './google-select';
import { clientFactory, trimSlash, type IoOptions } from './source-options';

/**
 * Google Directory reader (api-facts.md §3): GET {api_url}/admin/directory/v1/users with customer (default
 * my_customer) or domain, maxResults=500, pageToken → nextPageToken, and the configured `query`.
 * `projection=full` only when customSchemas.* are used: the default (basic) omits customSchemas and is cheaper.
 * `fields` asks, in the list and for one user, only for the User fields the connector reads (google-select.ts).
 * Over-quota 403s are retried by the HTTP client. Directory has no change feed: nextSince is undefined.
 */
export const DEFAULT_API_URL = 'https://admin.googleapis.com';
const MAX_RESULTS = 500;

interface UsersPage {
  users?: Record<string, unknown>[];
  nextPageToken?: string;
}

export function createGoogleSource(connector: RunnableConnector, opts: IoOptions): SourceReader {
  const settings = connector.source.settings;
  const apiUrl = trimSlash(settings.api_url?.trim() || DEFAULT_API_URL);
  const makeClient = clientFactory(settings, opts);
  const google = makeClient(apiUrl, googleAuth(settings, makeClient));
  const used = attributesUsed(connector);
  const projection = used.some((p) => p[0] === 'customSchemas') ? 'full' : undefined;
  const userFields = googleUserFields(used);
  const domain = settings.domain?.trim() || undefined;
  const scope: Query = domain ? { domain } : { customer: settings.customer?.trim() || 'my_customer' };

  // The next page is asked for once this one is parsed, not before (no `peek`, unlike Graph and Okta): with
  // pages of 500 users the engine is CPU-bound here, and asking early only kept two large pages alive at
  // once. Measured twice, it was slower or no faster (docs/benchmarks.md).
  function read(options: ReadOptions): AsyncGenerator<SourcePage> {
    const url = '/admin/directory/v1/users';
    const query: Query = {
      ...scope,
      maxResults: Math.min(opts.pageSize ?? MAX_RESULTS, MAX_RESULTS),
      query: settings.query?.trim() || undefined,
      projection,
      fields: googleListFields(userFields),
    };
    const pages = chainedPages<UsersPage | undefined>({
      first: () => google.requestText({ url, query, signal: options.signal }),
      fetch: (pageToken) => google.requestText({ url, query: { ...query, pageToken }, signal: options.signal }),
      peek: () => undefined,
      next: (page) => page?.nextPageToken || undefined,
    });
    return (async function* () {
      for await (const page of pages) yield { users: (page?.users ?? []).map((raw) => ({ id: String(raw.id), raw })) };
    })();
  }

  return {
    type: 'google',
    list: (options) => read(options),
    async get(login, options) {
      const res = await google.request<Record<string, unknown>>({
        url: `/admin/directory/v1/users/${encodeURIComponent(login)}`,
        query: { projection, fields: userFields },
        accept: [404],
        signal: options.signal,
      });
      return res.status === 404 || !res.data ? undefined : { id: String(res.data.id), raw: res.data };
    },
    nextSince: () => undefined,
  };
}

import { mapConcurrent } from '../http/concurrency';
import { HttpError } from '../http/errors';
import type { HttpClient } from '../http/client';
import type { ChangeResult, RunnableConnector, TargetUser, TargetWriter, UserChange } from '../types';
import { clientFactory, required, trimSlash, type IoOptions } from '../sources/source-options';
import { call } from './companion';
import { describeTargetError, isFatal } from './target-errors';

/**
 * Jira `store = entity`: REST user entity properties (api-facts.md §4, the store that is *not* the admin UI's
 * "User Properties"): GET /rest/api/2/user?username= (404 → missing), GET /rest/api/2/user/properties?username=
 * for the keys, GET|PUT|DELETE /rest/api/2/user/properties/{key}?username= for values. Values are stored as
 * JSON strings. Only keys the connector maps are read: other apps keep their own (possibly large) properties
 * here and the sync must not touch them. Keys over 255 bytes and values over 32,768 bytes are rejected before
 * sending. Each change is written on its own, several users at a time.
 */
const USER = '/rest/api/2/user';
const PROPS = '/rest/api/2/user/properties';
const MAX_KEY_BYTES = 255;
const MAX_VALUE_BYTES = 32_768;

export function createJiraEntityTarget(connector: RunnableConnector, opts: IoOptions): TargetWriter {
  const where = 'target jira (store = entity)';
  const settings = connector.target.settings;
  const token = required(settings, 'token', where);
  const client = clientFactory(settings, opts)(
    trimSlash(required(settings, 'url', where)),
    async () => `Bearer ${token}`,
  );
  const mapped = new Set(connector.mappings.filter((m) => m.kind === 'property').map((m) => m.key));
  const concurrency = opts.concurrency ?? 4;

  async function readOne(username: string, signal?: AbortSignal): Promise<TargetUser | undefined> {
    const user = await client.request<{ key?: string; name?: string; active?: boolean }>({
      url: USER,
      query: { username },
      accept: [404],
      signal,
    });
    if (user.status === 404) return undefined;
    const keys = await client.getJson<{ keys?: { key?: string }[] }>(PROPS, { username }, signal);
    const wanted = (keys?.keys ?? []).map((k) => String(k.key)).filter((k) => mapped.has(k));
    const properties: Record<string, string> = {};
    for (const key of wanted) {
      const res = await client.request<{ value?: unknown }>({
        url: propUrl(key),
        query: { username },
        accept: [404],
        signal,
      });
      if (res.status === 404) continue;
      const value = res.data?.value;
      properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return {
      username,
      key: String(user.data?.key ?? ''),
      active: user.data?.active !== false,
      properties,
      profile: {},
    };
  }

  return {
    type: 'jira',
    async health({ signal }) {
      const info = await call(where, () =>
        client.getJson<{ version?: string }>('/rest/api/2/serverInfo', undefined, signal),
      );
      return { product: 'jira', version: String(info?.version ?? '') };
    },
    async read(usernames, { signal }) {
      const names = [...new Set(usernames)];
      const found = await call(where, () => mapConcurrent(names, concurrency, (n) => readOne(n, signal)));
      return {
        users: found.filter((u): u is TargetUser => u !== undefined),
        missing: names.filter((_, i) => found[i] === undefined),
      };
    },
    async write(changes, { signal }) {
      let stop: string | undefined;
      return mapConcurrent(changes, concurrency, async (change): Promise<ChangeResult> => {
        if (!stop && signal?.aborted) stop = `${where}: cancelled before this change was sent`;
        if (stop) return { username: change.username, status: 'failed', message: stop };
        try {
          return await writeOne(client, change, signal);
        } catch (e) {
          const message = describeTargetError(e, where);
          if (isFatal(e)) stop = message;
          return { username: change.username, status: 'failed', message };
        }
      });
    },
  };
}

async function writeOne(client: HttpClient, change: UserChange, signal?: AbortSignal): Promise<ChangeResult> {
  const username = change.username;
  const invalid = validate(change);
  if (invalid) return { username, status: 'rejected', message: invalid };
  const sets = Object.entries(change.set.properties ?? {});
  const unsets = change.unset.properties ?? [];
  if (sets.length + unsets.length === 0) return { username, status: 'updated' };
  try {
    for (const [key, value] of sets) {
      await client.request({ method: 'PUT', url: propUrl(key), query: { username }, json: value, signal });
    }
    for (const key of unsets) {
      await client.request({ method: 'DELETE', url: propUrl(key), query: { username }, accept: [404], signal });
    }
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return { username, status: 'not_found' };
    if (e instanceof HttpError && e.status === 400) {
      return { username, status: 'rejected', message: e.vendorMessage ?? 'Jira rejected the value (HTTP 400)' };
    }
    throw e;
  }
  return { username, status: 'updated' };
}

function validate(change: UserChange): string | undefined {
  if (Object.keys(change.set.profile ?? {}).length + (change.unset.profile?.length ?? 0) > 0) {
    return 'Jira has no profile fields; map properties instead';
  }
  for (const [key, value] of Object.entries(change.set.properties ?? {})) {
    if (Buffer.byteLength(key) > MAX_KEY_BYTES)
      return `property key "${key.slice(0, 40)}…" is longer than ${MAX_KEY_BYTES} bytes`;
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_VALUE_BYTES)
      return `value of "${key}" is longer than ${MAX_VALUE_BYTES} bytes`;
  }
  return undefined;
}

function propUrl(key: string): string {
  return `${PROPS}/${encodeURIComponent(key)}`;
}

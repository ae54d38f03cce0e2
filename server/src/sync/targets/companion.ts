import { mapConcurrent } from '../http/concurrency';
import type { HttpClient } from '../http/client';
import type { ChangeResult, RunnableConnector, TargetUser, TargetWriter, UserChange } from '../types';
import { clientFactory, required, trimSlash, type IoOptions } from '../sources/source-options';
import { chunk, describeTargetError, isFatal } from './target-errors';

/**
 * Jira (store = properties) and Confluence writer over the companion contract (BRIEF-COMMON "Companion
 * endpoint contract"; api-facts.md §4 Jira user properties, §5 Confluence profile): base
 * `{url}{companion_path}`, `Authorization: Bearer <PAT>`.
 * - read: GET {base}/users?username=a&username=b…, at most 100 names per request, batches in parallel;
 *   any failure is thrown with a one-line reason (the plan cannot be made without the current values).
 * - write: POST {base}/users {changes:[…]}, at most 100 per request, one batch after another. Sets and unsets
 *   are idempotent, so the HTTP client may retry a batch after 429/5xx. A batch that still fails gives each of
 *   its changes status 'failed' with the reason; a refused token (401/403) or cancellation fails every batch
 *   not yet sent instead of sending it. write() itself never throws.
 */
export const DEFAULT_COMPANION_PATH = '/rest/scriptrunner/latest/custom/usersync';
const BATCH = 100;
const KNOWN_STATUSES = new Set(['updated', 'not_found', 'rejected']);

interface UsersResponse {
  users?: Partial<TargetUser>[];
  missing?: string[];
}

interface WriteResponse {
  results?: { username?: string; status?: string; message?: string }[];
}

export function companionBase(settings: Record<string, string>, where: string): string {
  const path = settings.companion_path?.trim() || DEFAULT_COMPANION_PATH;
  return trimSlash(required(settings, 'url', where)) + (path.startsWith('/') ? path : `/${path}`);
}

export function createCompanionTarget(connector: RunnableConnector, opts: IoOptions): TargetWriter {
  const type = connector.target.type;
  const where = `target ${type}`;
  const settings = connector.target.settings;
  const token = required(settings, 'token', where);
  const client = clientFactory(settings, opts)(companionBase(settings, where), async () => `Bearer ${token}`);

  return {
    type,
    async health({ signal }) {
      const data = await call(where, () => client.getJson<Record<string, unknown>>('/health', undefined, signal));
      const product = String(data?.product ?? '');
      if (product !== type)
        throw new Error(`${where}: the companion answers for "${product || 'unknown'}", not ${type}`);
      return { product, version: String(data?.version ?? '') };
    },
    async read(usernames, { signal }) {
      const names = [...new Set(usernames)];
      const batches = await mapConcurrent(chunk(names, BATCH), opts.concurrency ?? 4, (batch) =>
        call(where, () => client.getJson<UsersResponse>('/users', { username: batch }, signal)),
      );
      return {
        users: batches.flatMap((b) => (b?.users ?? []).map(toTargetUser)),
        missing: batches.flatMap((b) => b?.missing ?? []),
      };
    },
    write: (changes, { signal }) => writeBatches(client, where, changes, signal),
  };
}

async function writeBatches(client: HttpClient, where: string, changes: UserChange[], signal?: AbortSignal) {
  const results: ChangeResult[] = [];
  let stop: string | undefined;
  for (const batch of chunk(changes, BATCH)) {
    if (!stop && signal?.aborted) stop = `${where}: cancelled before this change was sent`;
    if (stop) {
      results.push(...batch.map((c) => failed(c, stop as string)));
      continue;
    }
    try {
      const res = await client.request<WriteResponse>({
        method: 'POST',
        url: '/users',
        json: { changes: batch },
        signal,
      });
      results.push(...matchResults(batch, res.data?.results ?? []));
    } catch (e) {
      const reason = signal?.aborted
        ? `${where}: cancelled while this batch was being sent; its outcome is unknown`
        : describeTargetError(e, where);
      results.push(...batch.map((c) => failed(c, reason)));
      if (isFatal(e) || signal?.aborted)
        stop = signal?.aborted ? `${where}: cancelled before this change was sent` : reason;
    }
  }
  return results;
}

/** One result per change: the companion's if it sent one we understand, else 'failed' saying why. */
function matchResults(batch: UserChange[], answered: NonNullable<WriteResponse['results']>): ChangeResult[] {
  // Results are matched by username, in order, so that two changes for one user each get their own.
  const byName = new Map<string, NonNullable<WriteResponse['results']>>();
  for (const r of answered) {
    if (typeof r?.username !== 'string') continue;
    byName.set(r.username, [...(byName.get(r.username) ?? []), r]);
  }
  return batch.map((c) => {
    const r = byName.get(c.username)?.shift();
    if (!r) return failed(c, 'the companion returned no result for this user');
    if (!KNOWN_STATUSES.has(String(r.status)))
      return failed(c, `the companion returned an unknown status "${String(r.status)}"`);
    const status = r.status as ChangeResult['status'];
    return { username: c.username, status, ...(r.message ? { message: String(r.message) } : {}) };
  });
}

function failed(c: UserChange, message: string): ChangeResult {
  return { username: c.username, status: 'failed', message };
}

function toTargetUser(u: Partial<TargetUser>): TargetUser {
  return {
    username: String(u.username ?? ''),
    key: String(u.key ?? ''),
    active: u.active !== false,
    properties: stringRecord(u.properties),
    profile: stringRecord(u.profile),
  };
}

function stringRecord(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  const record = v as Record<string, unknown>;
  // Runs for every target user, twice: the parsed object itself when it holds only strings (the rule).
  let clean = true;
  for (const k in record) if (typeof record[k] !== 'string') clean = false;
  if (clean && Object.getPrototypeOf(record) === Object.prototype) return record as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(record)) if (x !== null && x !== undefined) out[k] = String(x);
  return out;
}

/** Runs a request; turns failures into one-line errors that say what to check. */
export async function call<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const err = new Error(describeTargetError(e, where));
    err.name = (e as Error)?.name === 'AbortError' ? 'AbortError' : 'TargetError';
    throw err;
  }
}

import { createHash } from 'crypto';
import { AtlassianGuard, jiraStyleError } from './atlassian';
import { companionRoutes } from './companion';
import type { SandboxContext } from './context';
import { intParam, reply, route, SimRequest, SimResponse, Simulator } from './http';
import type { AtlassianUser, AtlassianUsers } from './targets';

/**
 * Jira Data Center (api-facts §4), under /jira: the companion endpoint plus the REST user API
 * (GET /rest/api/2/user, /user/search) and REST entity properties (/rest/api/2/user/properties).
 */

const MAX_PROPERTY_BYTES = 32768; // api-facts §4 item 1: value ≤ 32,768 bytes
const MAX_KEY_BYTES = 255; // api-facts §4 item 1: key ≤ 255 bytes

export function createJira(ctx: SandboxContext): Simulator {
  const users = ctx.jira;
  const guard = new AtlassianGuard(ctx);
  const search = new SearchCache(users);
  return {
    vendor: 'jira',
    routes: [
      ...companionRoutes(users, guard),
      route(
        'GET',
        '/rest/api/2/user',
        guard.wrap((req) => getUser(users, req)),
      ),
      route(
        'GET',
        '/rest/api/2/user/search',
        guard.wrap((req) => searchUsers(search, req)),
      ),
      route(
        'GET',
        '/rest/api/2/user/properties',
        guard.wrap((req) => listProperties(users, req)),
      ),
      route(
        'GET',
        '/rest/api/2/user/properties/{key}',
        guard.wrap((req) => getProperty(users, req)),
      ),
      route(
        'PUT',
        '/rest/api/2/user/properties/{key}',
        guard.wrap((req) => putProperty(users, req)),
      ),
      route(
        'DELETE',
        '/rest/api/2/user/properties/{key}',
        guard.wrap((req) => deleteProperty(users, req)),
      ),
    ],
    fault: (status) => guard.fault(status),
    notFound: () => jiraStyleError(404, 'null for uri: the sandbox has no such Jira resource'),
  };
}

/** `?username=` or `?key=`/`?userKey=`; the error response when absent or unknown. */
function target(users: AtlassianUsers, req: SimRequest): AtlassianUser | SimResponse {
  const name = req.query.get('username');
  const key = req.query.get('key') ?? req.query.get('userKey');
  if (name === null && key === null)
    return jiraStyleError(400, 'Either the username or the key query parameter must be provided.');
  const u = name !== null ? users.get(name) : users.byKey(key!);
  return (
    u ??
    jiraStyleError(
      404,
      name !== null ? `The user named '${name}' does not exist` : `The user with the key '${key}' does not exist`,
    )
  );
}

const isUser = (v: AtlassianUser | SimResponse): v is AtlassianUser => 'username' in v;

function userJson(u: AtlassianUser, base: string): Record<string, unknown> {
  const hash = createHash('md5').update(u.email).digest('hex');
  const avatar = (s: number) => `https://www.gravatar.com/avatar/${hash}?d=mm&s=${s}`;
  // samples/jira-dc-user-search.json
  return {
    self: `${base}/rest/api/2/user?username=${encodeURIComponent(u.username)}`,
    key: u.key,
    name: u.username,
    emailAddress: u.email,
    avatarUrls: { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) },
    displayName: u.displayName,
    active: u.active,
    deleted: false,
    timeZone: 'Etc/UTC',
    locale: 'en_US',
  };
}

function getUser(users: AtlassianUsers, req: SimRequest): SimResponse {
  const u = target(users, req);
  return isUser(u) ? reply(200, userJson(u, req.base)) : u;
}

/** Filtered user lists keyed by query and the store's version, so paging does not rescan. */
class SearchCache {
  private key = '';
  private list: AtlassianUser[] = [];
  constructor(private readonly users: AtlassianUsers) {}

  find(query: string, active: boolean, inactive: boolean): AtlassianUser[] {
    const key = `${query}\u0000${active}\u0000${inactive}\u0000${this.users.version}`;
    if (key === this.key) return this.list;
    const q = query.toLowerCase();
    const matches = (u: AtlassianUser) =>
      q === '.' ||
      u.username.startsWith(q) ||
      u.email.startsWith(q) ||
      u.displayName
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.startsWith(q));
    this.list = [];
    for (const u of this.users.all()) if ((u.active ? active : inactive) && matches(u)) this.list.push(u);
    this.key = key;
    return this.list;
  }
}

// api-facts §4 Users: /user/search?username=<q>&startAt&maxResults (default 50, max 1000, silently
// truncated) &includeActive=true&includeInactive=false; username=. lists everyone.
function searchUsers(cache: SearchCache, req: SimRequest): SimResponse {
  const q = req.query;
  const query = q.get('username');
  if (!query) return jiraStyleError(400, "The parameter 'username' is required.");
  const startAt = Math.max(0, intParam(q, 'startAt') || 0);
  const maxResults = Math.min(1000, Math.max(1, intParam(q, 'maxResults') || 50));
  const list = cache.find(query, q.get('includeActive') !== 'false', q.get('includeInactive') === 'true');
  return reply(
    200,
    list.slice(startAt, startAt + maxResults).map((u) => userJson(u, req.base)),
  );
}

function listProperties(users: AtlassianUsers, req: SimRequest): SimResponse {
  const u = target(users, req);
  if (!isUser(u)) return u;
  const keys = [...u.entity.keys()].map((key) => ({
    self: `${req.base}/rest/api/2/user/properties/${encodeURIComponent(key)}?username=${encodeURIComponent(u.username)}`,
    key,
  }));
  return reply(200, { keys });
}

function getProperty(users: AtlassianUsers, req: SimRequest): SimResponse {
  const u = target(users, req);
  if (!isUser(u)) return u;
  const text = u.entity.get(req.params[0]);
  if (text === undefined) return jiraStyleError(404, `The property with key '${req.params[0]}' does not exist.`);
  return reply(200, { key: req.params[0], value: JSON.parse(text) });
}

// api-facts §4 item 1: PUT body = any non-empty valid JSON, ≤ 32,768 bytes; key ≤ 255 bytes; 201 created / 200 updated.
function putProperty(users: AtlassianUsers, req: SimRequest): SimResponse {
  const key = req.params[0];
  if (Buffer.byteLength(key) > MAX_KEY_BYTES)
    return jiraStyleError(400, `The property key cannot be longer than ${MAX_KEY_BYTES} characters.`);
  if (req.body.length > MAX_PROPERTY_BYTES)
    return jiraStyleError(400, `The property value cannot be longer than ${MAX_PROPERTY_BYTES} bytes.`);
  let value: unknown;
  try {
    value = JSON.parse(req.body.toString('utf8'));
  } catch {
    return jiraStyleError(400, 'The property value must be valid, non-empty JSON.');
  }
  const found = target(users, req);
  if (!isUser(found)) return found;
  const u = users.editable(found.username)!;
  const existed = u.entity.has(key);
  u.entity.set(key, JSON.stringify(value));
  return reply(existed ? 200 : 201);
}

function deleteProperty(users: AtlassianUsers, req: SimRequest): SimResponse {
  const found = target(users, req);
  if (!isUser(found)) return found;
  if (!found.entity.has(req.params[0]))
    return jiraStyleError(404, `The property with key '${req.params[0]}' does not exist.`);
  users.editable(found.username)!.entity.delete(req.params[0]);
  return reply(204);
}

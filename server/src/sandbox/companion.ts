import type { AtlassianGuard } from './atlassian';
import { jsonBody, reply, route, Route, SimRequest, SimResponse } from './http';
import type { AtlassianUser, AtlassianUsers } from './targets';

/**
 * The companion endpoint (BRIEF-COMMON "Companion endpoint contract"), as the ScriptRunner scripts
 * implement it in production: GET /health, GET /users?username=… (1..100), POST /users {changes} (1..100).
 * Validation follows the stores: Jira User Properties (api-facts §4 item 2: key [a-zA-Z0-9\s]+ ≤ 200,
 * value non-blank ≤ 250), Confluence profile fields (api-facts §5: six fields, cut to 255, blank = removed).
 * A user's change is validated completely before anything is written: rejected means nothing changed.
 */

export const COMPANION_PATH = '/rest/scriptrunner/latest/custom/usersync';
export const PROFILE_FIELDS = ['phone', 'im', 'website', 'position', 'department', 'location'];
const MAX_BATCH = 100;

const bad = (message: string): SimResponse => reply(400, { message });

interface Change {
  username: string;
  set: { properties: Record<string, string>; profile: Record<string, string> };
  unset: { properties: string[]; profile: string[] };
}

export function companionRoutes(users: AtlassianUsers, guard: AtlassianGuard): Route[] {
  const product = users.product;
  return [
    route(
      'GET',
      `${COMPANION_PATH}/health`,
      guard.wrap(() => reply(200, { product, version: '9.12.2', companion: '1' })),
      true,
    ),
    route(
      'GET',
      `${COMPANION_PATH}/users`,
      guard.wrap((req) => readUsers(users, req)),
    ),
    route(
      'POST',
      `${COMPANION_PATH}/users`,
      guard.wrap((req) => writeUsers(users, req)),
    ),
  ];
}

function view(u: AtlassianUser, product: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    username: u.username,
    key: u.key,
    active: u.active,
    properties: { ...u.properties },
  };
  if (product === 'confluence') out.profile = { ...u.profile };
  return out;
}

function readUsers(users: AtlassianUsers, req: SimRequest): SimResponse {
  const names = [...new Set(req.query.getAll('username').filter((n) => n.trim() !== ''))];
  if (names.length < 1 || names.length > MAX_BATCH)
    return bad(`Give between 1 and ${MAX_BATCH} username parameters (got ${names.length}).`);
  const found: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const u = users.get(name);
    if (u) found.push(view(u, users.product));
    else missing.push(name);
  }
  return reply(200, { users: found, missing });
}

function writeUsers(users: AtlassianUsers, req: SimRequest): SimResponse {
  const body = jsonBody(req) as { changes?: unknown } | undefined;
  const raw = body && typeof body === 'object' ? body.changes : undefined;
  if (!Array.isArray(raw)) return bad('Body must be JSON: {"changes": [...]}.');
  if (raw.length < 1 || raw.length > MAX_BATCH)
    return bad(`Send between 1 and ${MAX_BATCH} changes (got ${raw.length}).`);
  const changes: Change[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = parseChange(raw[i]);
    if (typeof c === 'string') return bad(`changes[${i}]: ${c}`);
    changes.push(c);
  }
  const results = changes.map((c) => {
    if (!users.get(c.username)) return { username: c.username, status: 'not_found' };
    const problem = validate(c, users.product);
    if (problem) return { username: c.username, status: 'rejected', message: problem };
    apply(users.editable(c.username)!, c, users.product);
    return { username: c.username, status: 'updated' };
  });
  return reply(200, { results });
}

function parseChange(v: unknown): Change | string {
  if (!isRecord(v) || typeof v.username !== 'string' || !v.username) return 'username is required';
  const set = v.set ?? {};
  const unset = v.unset ?? {};
  if (!isRecord(set) || !isRecord(unset)) return 'set and unset must be objects';
  const props = set.properties ?? {};
  const profile = set.profile ?? {};
  if (!isStringMap(props) || !isStringMap(profile)) return 'set.properties and set.profile must map names to strings';
  const unsetProps = unset.properties ?? [];
  const unsetProfile = unset.profile ?? [];
  if (!isStringList(unsetProps) || !isStringList(unsetProfile))
    return 'unset.properties and unset.profile must be lists of names';
  return {
    username: v.username,
    set: { properties: props, profile },
    unset: { properties: unsetProps, profile: unsetProfile },
  };
}

function validate(c: Change, product: string): string | undefined {
  for (const [key, value] of Object.entries(c.set.properties)) {
    if (!/^[a-zA-Z0-9\s]+$/.test(key)) return `Property key '${key}' may contain only letters, digits and spaces.`;
    if (key.length > 200) return `Property key '${key.slice(0, 40)}…' is longer than 200 characters.`;
    if (value.trim() === '') return `Property '${key}' needs a value (use unset to remove it).`;
    if (value.length > 250) return `Property '${key}' is ${value.length} characters long; the limit is 250.`;
    if (c.unset.properties.includes(key)) return `Property '${key}' is both set and unset.`;
  }
  const profileKeys = [...Object.keys(c.set.profile), ...c.unset.profile];
  if (product === 'jira' && profileKeys.length) return 'Jira users have no profile fields; use properties.';
  const unknown = profileKeys.find((k) => !PROFILE_FIELDS.includes(k));
  if (unknown !== undefined) return `'${unknown}' is not a profile field (use ${PROFILE_FIELDS.join(', ')}).`;
  return undefined;
}

function apply(u: AtlassianUser, c: Change, product: string): void {
  u.properties = { ...without(u.properties, c.unset.properties), ...c.set.properties };
  if (product !== 'confluence') return;
  const profile = without(u.profile, c.unset.profile);
  for (const [key, value] of Object.entries(c.set.profile)) {
    // api-facts §5 Storage: ContentPropertyManager cuts to 255 (StringUtils.left); blank value = removed.
    if (value.trim() === '') profile[key] = '';
    else profile[key] = value.slice(0, 255);
  }
  u.profile = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== ''));
}

function without(values: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringMap(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

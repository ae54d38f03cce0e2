import type { IncomingHttpHeaders } from 'http';

/** The tiny routing layer every simulator is written against (plain `http`, no framework). */

export type VendorName = 'login' | 'graph' | 'okta' | 'google' | 'jira' | 'confluence';

export interface SimRequest {
  method: string;
  /** Path below the vendor prefix, still percent-encoded (e.g. `/v1.0/users`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Captures of the route pattern, percent-decoded. */
  params: string[];
  /** Absolute base URL of this vendor (e.g. `http://127.0.0.1:4000/graph`). */
  base: string;
  /** Absolute URL of this request. */
  url: string;
}

export interface SimResponse {
  status: number;
  /** An array value is sent as repeated header lines (Okta's two `Link` headers). */
  headers?: Record<string, string | string[]>;
  /** Serialised as JSON unless a string (sent as text) or a JsonText (sent as is); nothing for 204. */
  body?: unknown;
}

/** A body already serialised as JSON, as UTF-8 (a page joined from cached user objects): sent as is. */
export class JsonText {
  constructor(readonly bytes: Buffer) {}
}

/**
 * `JSON.stringify(fields)` as UTF-8, byte for byte, where the values under `lists` are arrays given as
 * the UTF-8 JSON of their items (ShapeCache pages): keys in insertion order, `undefined` values left out.
 */
export function jsonWithLists(fields: Record<string, unknown>, lists: Record<string, Buffer[]>): JsonText {
  const parts: Buffer[] = [];
  let text = '{';
  let first = true;
  for (const [k, v] of Object.entries(fields)) {
    const list = lists[k];
    if (!list && v === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (!list) {
      text += JSON.stringify(v);
      continue;
    }
    parts.push(Buffer.from(text), ...arrayParts(list));
    text = '';
  }
  parts.push(Buffer.from(`${text}}`));
  return new JsonText(Buffer.concat(parts));
}

/** A JSON array of items given as UTF-8 JSON. */
export function jsonArray(items: Buffer[]): JsonText {
  return new JsonText(Buffer.concat(arrayParts(items)));
}

function arrayParts(items: Buffer[]): Buffer[] {
  const parts: Buffer[] = [OPEN];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(items[i]);
  }
  parts.push(CLOSE);
  return parts;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: string;
  pattern: RegExp;
  /** Name for statistics, e.g. `GET /v1.0/users/{id}`. */
  name: string;
  handler: Handler;
  /** Health checks are never faulted. */
  noFaults?: boolean;
}

export interface Simulator {
  vendor: VendorName;
  routes: Route[];
  /** The vendor's answer to an injected fault. */
  fault(status: 429 | 500 | 503, req: SimRequest): SimResponse;
  notFound(req: SimRequest): SimResponse;
}

/** `route('GET', '/v1.0/users/{id}', handler)`: `{x}` matches one path segment. */
export function route(method: string, path: string, handler: Handler, noFaults = false): Route {
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { method, pattern: new RegExp(`^${source}$`), name: `${method} ${path}`, handler, noFaults };
}

export function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: m.slice(1).map(safeDecode) };
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const reply = (status: number, body?: unknown, headers?: Record<string, string | string[]>): SimResponse => ({
  status,
  body,
  headers,
});

/** Parameters of an `application/x-www-form-urlencoded` body. */
export const formBody = (req: SimRequest): URLSearchParams => new URLSearchParams(req.body.toString('utf8'));

/** The parsed JSON body, or undefined when absent or malformed. */
export function jsonBody(req: SimRequest): unknown {
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The credential after `scheme ` in the Authorization header (scheme compared case-insensitively). */
export function credential(req: SimRequest, scheme: string): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const space = h.indexOf(' ');
  return space > 0 && h.slice(0, space).toLowerCase() === scheme.toLowerCase() ? h.slice(space + 1).trim() : undefined;
}

/** Opaque page tokens: base64url JSON. Clients must not (and cannot usefully) read them. */
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeToken<T>(token: string): T | undefined {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** An integer query parameter: undefined when absent, NaN when not an integer. */
export function intParam(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  return /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
}

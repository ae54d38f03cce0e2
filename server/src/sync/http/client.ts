import axios, { type AxiosResponse } from 'axios';
import { createAgents } from './agents';
import { HostPinningError, HttpError, RequestAbortedError, vendorError } from './errors';
import { redactUrl, originOf } from './redact-url';
import {
  DEFAULT_BACKOFF,
  type BackoffOptions,
  type Headers,
  isRetryableNetworkError,
  isRetryableStatus,
  retryWaitMs,
} from './retry-policy';
import { sleep } from './sleep';
import { slowdownMs } from './slowdown';
import { type Query, resolveUrl, withQuery } from './url';

/**
 * The engine's only way to talk HTTP: retries with backoff, token refresh on 401, host pinning,
 * proactive slowdown, typed errors that never carry credentials.
 */

export interface HttpEvent {
  kind: 'response' | 'retry' | 'slowdown' | 'refresh';
  method: string;
  /** Redacted URL (no secret query values). */
  url: string;
  status?: number;
  attempt: number;
  waitMs?: number;
  error?: string;
}

export interface HttpClientOptions {
  /** Where relative request URLs go and the origin (scheme+host+port) credentials are pinned to. */
  baseUrl: string;
  /** Further origins that may be requested with the credentials (rarely needed). */
  allowedOrigins?: string[];
  /** The Authorization header value; `refresh` asks for a new one (after a 401). */
  auth?: (refresh: boolean) => Promise<string>;
  /** A PEM file with a private CA, trusted in addition to the public roots. */
  caFile?: string;
  timeoutMs?: number;
  maxRetries?: number;
  backoff?: Partial<BackoffOptions>;
  onEvent?: (event: HttpEvent) => void;
  signal?: AbortSignal;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  query?: Query;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Statuses returned instead of thrown (e.g. 404 for "no such user"). */
  accept?: number[];
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  url: string;
}

export interface HttpClient {
  readonly origin: string;
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
  /**
   * As `request`, but an accepted answer's body comes back as the text received, not parsed (`parseBody`
   * parses it later): a pager can ask for the next page before it spends time parsing this one
   * (sources/chained-pages.ts). Error answers are parsed as usual, for their vendor messages.
   */
  requestText(req: HttpRequest): Promise<HttpResponse<string>>;
  getJson<T = unknown>(url: string, query?: Query, signal?: AbortSignal): Promise<T>;
  close(): void;
}

const MAX_REDIRECTS = 5;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const origin = originOf(options.baseUrl);
  const allowed = [origin, ...(options.allowedOrigins ?? []).map(originOf)];
  const agents = createAgents(options.caFile);
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const maxRetries = options.maxRetries ?? 5;
  const emit = options.onEvent ?? (() => undefined);
  let notBefore = 0;
  // One axios instance per client with everything that never changes: axios merges a request's config
  // with its instance's, and merging these per request cost 60 µs of CPU each (docs/benchmarks.md).
  const transport = axios.create({
    timeout: options.timeoutMs ?? 30_000,
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    httpAgent: agents.httpAgent,
    httpsAgent: agents.httpsAgent,
  });

  function pin(url: string): void {
    if (!allowed.includes(originOf(url))) throw new HostPinningError(redactUrl(url), allowed);
  }

  async function send(req: HttpRequest, url: string, method: string, authValue: string | undefined) {
    const signal = combine(options.signal, req.signal);
    const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
    let data: string | undefined;
    if (req.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      data = JSON.stringify(req.json);
    } else if (req.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      data = new URLSearchParams(req.form).toString();
    }
    // pin() has already refused every URL outside the allowed origins.
    if (authValue !== undefined) headers.Authorization = authValue;
    return transport.request<string>({ method, url, data, headers, signal });
  }

  async function request<T>(req: HttpRequest, parse = true): Promise<HttpResponse<T>> {
    let method = req.method ?? 'GET';
    let url = withQuery(resolveUrl(options.baseUrl, req.url), req.query);
    pin(url);
    let attempt = 0;
    let redirects = 0;
    let refreshed = false;
    for (;;) {
      const signal = combine(options.signal, req.signal);
      const wait = notBefore - Date.now();
      if (wait > 0 || signal?.aborted) await sleep(wait, signal, redactUrl(url)); // redacting costs: only when needed
      attempt++;
      const authValue = options.auth ? await options.auth(false) : undefined;
      let res: AxiosResponse<string>;
      try {
        res = await send(req, url, method, authValue);
      } catch (e) {
        if (signal?.aborted) throw new RequestAbortedError(redactUrl(url));
        const code = (e as { code?: string }).code;
        const message = String((e as { message?: unknown }).message ?? '');
        if (isRetryableNetworkError(code, message) && attempt <= maxRetries) {
          const waitMs = retryWaitMs(attempt, undefined, {}, backoff, Date.now());
          emit({ kind: 'retry', method, url: redactUrl(url), attempt, waitMs, error: code ?? message });
          await sleep(waitMs, signal, redactUrl(url));
          continue;
        }
        throw new HttpError(method, redactUrl(url), undefined, undefined, undefined, code ?? message);
      }
      const headers = plainHeaders(res.headers);
      const status = res.status;
      const accepted = (status >= 200 && status < 300) || req.accept?.includes(status) === true;
      const body = parse || !accepted ? parseBody(res.data) : res.data;
      // Redacting parses the URL (100 usernames on a target read): only for a listener that reads it.
      emit(lazyUrl({ kind: 'response', method, status, attempt }, url));
      const slow = slowdownMs(headers, Date.now(), backoff.maxMs);
      if (slow > 0) {
        notBefore = Math.max(notBefore, Date.now() + slow);
        emit({ kind: 'slowdown', method, url: redactUrl(url), status, attempt, waitMs: slow });
      }
      if (status >= 300 && status < 400 && headers.location) {
        const target = new URL(headers.location, url).toString();
        pin(target);
        if (++redirects > MAX_REDIRECTS) throw new HttpError(method, redactUrl(url), status, 'too_many_redirects');
        if (status === 303 || ((status === 301 || status === 302) && method !== 'GET')) method = 'GET';
        url = target;
        continue;
      }
      if (status === 401 && options.auth && !refreshed) {
        refreshed = true;
        const fresh = await options.auth(true);
        if (fresh !== authValue) {
          emit({ kind: 'refresh', method, url: redactUrl(url), status, attempt });
          continue;
        }
      }
      if (accepted) {
        return { status, headers, data: body as T, url };
      }
      if (isRetryableStatus(status, body) && attempt <= maxRetries) {
        const waitMs = retryWaitMs(attempt, status, headers, backoff, Date.now());
        emit({ kind: 'retry', method, url: redactUrl(url), status, attempt, waitMs });
        await sleep(waitMs, signal, redactUrl(url));
        continue;
      }
      const vendor = vendorError(body);
      throw new HttpError(method, redactUrl(url), status, vendor.code, vendor.message);
    }
  }

  return {
    origin,
    request,
    requestText: (req) => request<string>(req, false),
    async getJson<T>(url: string, query?: Query, signal?: AbortSignal): Promise<T> {
      return (await request<T>({ url, query, signal })).data;
    },
    close: () => agents.destroy(),
  };
}

function combine(a?: AbortSignal, b?: AbortSignal): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}

function plainHeaders(raw: unknown): Headers {
  const out: Headers = {};
  const entries = raw && typeof raw === 'object' ? Object.entries(raw as Record<string, unknown>) : [];
  for (const [k, v] of entries) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** The event with `url` redacted when first read. */
function lazyUrl(event: Omit<HttpEvent, 'url'>, url: string): HttpEvent {
  let shown: string | undefined;
  return Object.defineProperty(event as HttpEvent, 'url', {
    get: () => (shown ??= redactUrl(url)),
    enumerable: true,
  });
}

/** A body as the engine reads it: JSON when it looks like JSON and parses, else the text itself. */
export function parseBody(text: unknown): unknown {
  if (typeof text !== 'string' || text.length === 0) return text === '' ? undefined : text;
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++; // not trimStart(): that copies the whole body
  const c = text[i];
  if (c !== '{' && c !== '[' && c !== '"') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { randomBytes } from 'crypto';
import type { SandboxContext } from './context';
import { credential, formBody, intParam, jsonArray, reply, route, SimRequest, SimResponse, Simulator } from './http';
import { oktaFieldsKey, parseOktaFields, projectOktaUser } from './okta-fields';
import { oktaUserSchema } from './okta-schema';
import { parseOktaQuery, Predicate } from './okta-search';
import { oktaUser } from './okta-shape';
import { FixedWindow } from './rate-limit';
import { audienceIs, decodeJwt, notExpired } from './tokens';

/** Okta management API (api-facts §2), under /okta: base URL = the org URL (https://contoso.okta.com). */

export function oktaError(
  status: number,
  code: string,
  summary: string,
  headers?: Record<string, string>,
): SimResponse {
  return reply(
    status,
    {
      errorCode: code,
      errorSummary: summary,
      errorLink: code,
      errorId: `oae${randomBytes(11).toString('base64url')}`,
      errorCauses: [],
    },
    headers,
  );
}

const SCOPES = ['okta.users.read', 'okta.users.manage', 'okta.schemas.read'];
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_LIMIT = 200; // api-facts §2 List: limit default 200; treat 200 as max

export function createOkta(ctx: SandboxContext): Simulator {
  // api-facts §2 Rate limits: a per-minute budget; X-Rate-Limit-* on every response.
  const window = ctx.limits ? new FixedWindow(ctx.limits.oktaPerMinute, 60_000) : undefined;
  const rateHeaders = (limit: number, remaining: number, resetAt: number): Record<string, string> => ({
    'X-Rate-Limit-Limit': String(limit),
    'X-Rate-Limit-Remaining': String(remaining),
    'X-Rate-Limit-Reset': String(Math.ceil(resetAt / 1000)), // UTC epoch seconds
  });
  const throttled = (headers: Record<string, string>) =>
    oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.', headers);

  const guard =
    (scope: string, handler: (req: SimRequest) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const state = window?.take() ?? { allowed: true, limit: 10000, remaining: 9999, resetAt: Date.now() + 60_000 };
      const headers = rateHeaders(state.limit, state.remaining, state.resetAt);
      // api-facts §2 Auth: `SSWS {apiToken}` or `Bearer {access_token}`.
      const ssws = credential(req, 'SSWS');
      const bearer = ctx.tokens.check(credential(req, 'Bearer'), 'okta');
      if (ssws !== ctx.secret && !bearer.ok) return oktaError(401, 'E0000011', 'Invalid token provided', headers);
      if (!state.allowed) return throttled(headers);
      if (bearer.ok && !bearer.scopes.some((s) => s === scope || s === scope.replace('.read', '.manage'))) {
        return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', {
          ...headers,
          'WWW-Authenticate': `Bearer authorization_uri="${req.base}/oauth2/v1/authorize", error="insufficient_scope", scope="${scope}"`,
        });
      }
      const res = handler(req);
      res.headers = { ...res.headers, ...headers };
      return res;
    };

  return {
    vendor: 'okta',
    routes: [
      route('POST', '/oauth2/v1/token', (req) => token(ctx, req)),
      route(
        'GET',
        '/api/v1/users',
        guard('okta.users.read', (req) => listUsers(ctx, req)),
      ),
      route(
        'GET',
        '/api/v1/users/{id}',
        guard('okta.users.read', (req) => getUser(ctx, req)),
      ),
      route(
        'GET',
        '/api/v1/meta/schemas/user/default',
        guard('okta.schemas.read', (req) => reply(200, oktaUserSchema(req.base))),
      ),
    ],
    fault: (status) =>
      status === 429
        ? throttled(rateHeaders(window?.limit ?? 600, 0, Date.now() + 1000))
        : oktaError(
            status,
            status === 503 ? 'E0000010' : 'E0000009',
            status === 503 ? 'Service is in read only mode' : 'Internal Server Error',
          ),
    notFound: (req) =>
      oktaError(404, 'E0000022', `The endpoint does not support the provided HTTP method: ${req.path}`),
  };
}

function listUsers(ctx: SandboxContext, req: SimRequest): SimResponse {
  const q = req.query;
  const limitParam = intParam(q, 'limit');
  if (limitParam !== undefined && !(limitParam >= 1)) return oktaError(400, 'E0000001', 'Api validation failed: limit');
  const limit = Math.min(limitParam ?? MAX_LIMIT, MAX_LIMIT);
  // yaml list users `fields` (line 24739): a projection; a malformed one is answered like a bad `limit`.
  const fieldsParam = q.get('fields');
  const fields = fieldsParam === null ? undefined : parseOktaFields(fieldsParam);
  if (fieldsParam !== null && !fields) return oktaError(400, 'E0000001', 'Api validation failed: fields');
  const dir = ctx.dir;
  let accept: Predicate;
  let paged = true;
  const search = q.get('search');
  const filter = q.get('filter');
  const prefix = q.get('q');
  if (search !== null || filter !== null) {
    // api-facts §2 List: search/filter include DEPROVISIONED users.
    const parsed = search !== null ? parseOktaQuery(search, 'search') : parseOktaQuery(filter!, 'filter');
    if (!parsed) return oktaError(400, 'E0000031', 'Invalid search criteria.');
    accept = parsed;
  } else if (prefix !== null) {
    // api-facts §2 List: `q` is a prefix match, no pagination, excludes DEPROVISIONED.
    const pre = prefix.toLowerCase();
    const starts = (s: string | null) => !!s && s.toLowerCase().startsWith(pre);
    accept = (p) => p.oktaStatus !== 'DEPROVISIONED' && (starts(p.givenName) || starts(p.surname) || starts(p.email));
    paged = false;
  } else {
    accept = (p) => p.oktaStatus !== 'DEPROVISIONED'; // api-facts §2: plain list omits DEPROVISIONED
  }
  let from = 0;
  const after = q.get('after');
  if (after !== null) {
    const i = dir.ids.oktaIndex(after);
    if (i < 0) return oktaError(400, 'E0000001', 'Api validation failed: after');
    from = i + 1;
  }
  // Everything the answer depends on besides the people (shape-cache.ts); `q` is a filter too.
  const key = ['okta', req.base, search ?? '-', filter ?? '-', prefix ?? '-', fields ? oktaFieldsKey(fields) : '*'];
  const page = dir.shapes.page(
    key.join('\n'),
    from,
    limit,
    (p) => accept(p, dir),
    (p) => (fields ? projectOktaUser(oktaUser(p, dir, req.base), fields) : oktaUser(p, dir, req.base)),
  );
  const links = [`<${req.url}>; rel="self"`];
  if (paged && page.next >= 0) links.push(`<${nextUrl(req, page.last, dir, limit)}>; rel="next"`);
  return reply(200, jsonArray(page.items), { Link: links });
}

// api-facts §2 List: follow `Link: <…/api/v1/users?after=…&limit=…>; rel="next"` until absent. The other
// parameters (search, filter, fields...) are copied, so every page has the first one's shape.
function nextUrl(req: SimRequest, last: number, dir: SandboxContext['dir'], limit: number): string {
  const params = new URLSearchParams(req.query);
  params.set('after', dir.ids.oktaId(last));
  params.set('limit', String(limit));
  return `${req.base}/api/v1/users?${params.toString()}`;
}

function getUser(ctx: SandboxContext, req: SimRequest): SimResponse {
  const key = req.params[0];
  const p = ctx.dir.byOktaId(key) ?? (key.includes('@') ? ctx.dir.byAddress(key) : undefined);
  if (!p) return oktaError(404, 'E0000007', `Not found: Resource not found: ${key} (User)`);
  return reply(200, oktaUser(p, ctx.dir, req.base));
}

// api-facts §2 Auth: OAuth 2.0 service app, client_credentials with private_key_jwt.
function token(ctx: SandboxContext, req: SimRequest): SimResponse {
  const form = formBody(req);
  const bad = (status: number, error: string, description: string) =>
    reply(status, { error, error_description: description });
  if (form.get('grant_type') !== 'client_credentials')
    return bad(
      400,
      'unsupported_grant_type',
      'The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].',
    );
  if (form.get('client_assertion_type') !== ASSERTION_TYPE)
    return bad(
      401,
      'invalid_client',
      'Client authentication failed. Either the client or the client credentials are invalid.',
    );
  const jwt = decodeJwt(form.get('client_assertion'));
  const tokenUrl = req.url.split('?')[0];
  if (!jwt || jwt.header.alg !== 'RS256') return bad(401, 'invalid_client', 'The client_assertion token is invalid.');
  if (jwt.payload.iss !== ctx.okta.clientId || jwt.payload.sub !== ctx.okta.clientId)
    return bad(401, 'invalid_client', 'The client_assertion token has an invalid issuer or subject.');
  if (!audienceIs(jwt, tokenUrl))
    return bad(
      401,
      'invalid_client',
      `The audience claim for client_assertion must be the endpoint invoked for the request: '${tokenUrl}'.`,
    );
  if (typeof jwt.payload.exp !== 'number' || !notExpired(jwt))
    return bad(401, 'invalid_client', 'The client_assertion token is expired.');
  const scopes = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (!scopes.length)
    return bad(
      400,
      'invalid_scope',
      "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    );
  if (scopes.some((s) => !SCOPES.includes(s)))
    return bad(400, 'invalid_scope', 'One or more scopes are not configured for the authorization server resource.');
  const issued = ctx.tokens.issue('okta', scopes);
  return reply(200, {
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    access_token: issued.token,
    scope: scopes.join(' '),
  });
}

import type { SandboxContext } from './context';
import { getCatalog } from '../model/catalogs/catalog';
import { applyFields, isWhole, parseCheckedFields, selectEnvelope, Selection, selectionKey } from './google-fields';
import { orderOf } from './google-order';
import { GoogleFilter, parseGoogleQuery } from './google-query';
import { googleSchemas, googleUser, Projection } from './google-shape';
import { googleToken } from './google-token';
import {
  credential,
  decodeToken,
  encodeToken,
  intParam,
  jsonWithLists,
  reply,
  route,
  SimRequest,
  SimResponse,
  Simulator,
} from './http';
import { FixedWindow } from './rate-limit';

/**
 * Google Admin SDK Directory API (api-facts §3), under /google: API base = https://admin.googleapis.com,
 * token URL = {base}/google/token (https://oauth2.googleapis.com/token).
 */

export function googleError(
  status: number,
  message: string,
  reason: string,
  domain = 'global',
  extra: Record<string, unknown> = {},
): SimResponse {
  return reply(status, { error: { code: status, message, errors: [{ message, domain, reason, ...extra }] } });
}

const invalid = (message: string) => googleError(400, message, 'invalid');
const USER_SCOPES = ['admin.directory.user.readonly', 'admin.directory.user'];
const SCHEMA_SCOPES = ['admin.directory.userschema.readonly', 'admin.directory.userschema'];

export function createGoogle(ctx: SandboxContext): Simulator {
  // api-facts §3 Limits: 2,400 queries/min/user; over quota = 403 userRateLimitExceeded, not 429.
  const window = ctx.limits ? new FixedWindow(ctx.limits.googlePerMinute, 60_000) : undefined;
  const overQuota = () =>
    googleError(403, 'Request rate higher than configured.', 'userRateLimitExceeded', 'usageLimits');
  const guard =
    (scopes: string[], handler: (req: SimRequest) => SimResponse) =>
    (req: SimRequest): SimResponse => {
      const auth = ctx.tokens.check(credential(req, 'Bearer'), 'google');
      if (!auth.ok) {
        return googleError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          'authError',
          'global',
          { location: 'Authorization', locationType: 'header' },
        );
      }
      if (!auth.scopes.some((s) => scopes.some((want) => s.endsWith(`/auth/${want}`)))) {
        return googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
      }
      if (auth.subject !== ctx.google.adminEmail)
        return googleError(403, 'Not Authorized to access this resource/api', 'forbidden');
      if (window && !window.take().allowed) return overQuota();
      return handler(req);
    };
  return {
    vendor: 'google',
    routes: [
      route('POST', '/token', (req) => googleToken(ctx, req)),
      route(
        'GET',
        '/admin/directory/v1/users',
        guard(USER_SCOPES, (req) => listUsers(ctx, req)),
      ),
      route(
        'GET',
        '/admin/directory/v1/users/{userKey}',
        guard(USER_SCOPES, (req) => getUser(ctx, req)),
      ),
      route(
        'GET',
        '/admin/directory/v1/customer/{customerId}/schemas',
        guard(SCHEMA_SCOPES, (req) => schemas(ctx, req)),
      ),
    ],
    fault: (status) =>
      status === 429
        ? overQuota()
        : status === 503
          ? googleError(503, 'The service is currently unavailable.', 'backendError')
          : googleError(500, 'Backend Error', 'backendError'),
    notFound: () => googleError(404, 'Not Found', 'notFound'),
  };
}

function projectionOf(req: SimRequest): { projection: Projection; mask: string[] } | SimResponse {
  const projection = (req.query.get('projection') ?? 'basic').toLowerCase();
  if (projection !== 'basic' && projection !== 'custom' && projection !== 'full')
    return invalid(`Invalid value '${projection}' for projection.`);
  const mask = (req.query.get('customFieldMask') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (projection === 'custom' && !mask.length)
    return invalid('Invalid Input: customFieldMask is required when projection=custom.');
  return { projection, mask };
}

/**
 * The `fields` system parameter (partial response, google-fields.ts): undefined when absent. Its names are
 * relative to the response root: the `Users` envelope for users.list, the `User` for users.get; a bad value
 * is a 400 invalidParameter (https://developers.google.com/admin-sdk/directory/v1/guides/performance).
 */
function fieldsOf(req: SimRequest, list: boolean): { fields?: Selection } | SimResponse {
  const text = req.query.get('fields');
  if (text === null) return {};
  const user = userFields();
  const parsed = list
    ? parseCheckedFields(text, ENVELOPE, { field: 'users', names: user })
    : parseCheckedFields(text, user);
  if (parsed.error !== undefined) return googleError(400, parsed.error, 'invalidParameter');
  return { fields: parsed.selection };
}

// The discovery document's schemas.Users: the envelope of a users.list answer.
const ENVELOPE: ReadonlySet<string> = new Set(['kind', 'etag', 'users', 'nextPageToken', 'trigger_event']);
let userNames: ReadonlySet<string> | undefined;

/**
 * schemas.User's property names: the top-level names of the Google catalog, which
 * scripts/generate-catalogs.ts generates from that discovery document (never typed by hand).
 */
function userFields(): ReadonlySet<string> {
  return (userNames ??= new Set(
    getCatalog('google')
      .children('')
      .map((a) => a.name),
  ));
}

const ownsCustomer = (ctx: SandboxContext, id: string) => id === 'my_customer' || id === ctx.google.customerId;

function listUsers(ctx: SandboxContext, req: SimRequest): SimResponse {
  const q = req.query;
  const customer = q.get('customer');
  const domain = q.get('domain');
  // api-facts §3 users.list: exactly one of customer (my_customer) or domain.
  if ((customer === null) === (domain === null)) return googleError(400, 'Bad Request', 'badRequest');
  if (customer !== null && !ownsCustomer(ctx, customer)) return googleError(400, 'Bad Request', 'badRequest');
  const domains = [ctx.google.domain, 'fabrikam.com'];
  if (domain !== null && !domains.includes(domain.toLowerCase()))
    return googleError(400, 'Domain not found.', 'notFound');
  const max = intParam(q, 'maxResults');
  // api-facts §3 users.list: maxResults 1–500, default 100.
  if (max !== undefined && !(max >= 1 && max <= 500))
    return invalid(`Invalid value '${q.get('maxResults')}'. Values must be within the range: [1, 500]`);
  const shape = projectionOf(req);
  if ('status' in shape) return shape;
  const partial = fieldsOf(req, true);
  if ('status' in partial) return partial;
  const root = partial.fields;
  // Guide: a selected array's sub-selection applies to each element, so each user is shaped by `users(…)`.
  const each = !root || isWhole(root) ? true : (root.get('users') ?? true);
  const query = q.get('query');
  const matches = query ? parseGoogleQuery(query) : () => true;
  if (!matches) return invalid('Invalid Input');
  const inDomain = domain === null ? undefined : `@${domain.toLowerCase()}`;
  const accept: GoogleFilter = (p, dir) => (!inDomain || p.email.endsWith(inDomain)) && matches(p, dir);
  let from = 0;
  const pageToken = q.get('pageToken');
  if (pageToken !== null) {
    const t = decodeToken<{ p?: number }>(pageToken);
    if (typeof t?.p !== 'number') return invalid('Invalid Input: pageToken');
    from = t.p;
  }
  const size = max ?? 100;
  const order = orderOf(ctx, req);
  if (order && 'invalid' in order) return invalid(order.invalid);
  // Everything a person's entry depends on besides the person (shape-cache.ts); the order only picks entries.
  const key = ['google', domain ?? '-', query ?? '', shape.projection, shape.mask.join(','), selectionKey(each)];
  const page = ctx.dir.shapes.page(
    key.join('\n'),
    from,
    size,
    (p) => accept(p, ctx.dir),
    (p) => applyFields(googleUser(p, ctx.dir, ctx.google.customerId, shape.projection, shape.mask), each) ?? {},
    order,
  );
  const body: Record<string, unknown> = {
    kind: 'admin#directory#users',
    etag: `"${ctx.dir.version}"`,
    users: null,
  };
  if (page.next >= 0) body.nextPageToken = encodeToken({ p: page.next });
  // Guide: fields not selected are left out, the envelope's (kind, etag, nextPageToken) included.
  return reply(200, jsonWithLists(root ? selectEnvelope(body, root, 'users') : body, { users: page.items }));
}

function getUser(ctx: SandboxContext, req: SimRequest): SimResponse {
  const shape = projectionOf(req);
  if ('status' in shape) return shape;
  const partial = fieldsOf(req, false);
  if ('status' in partial) return partial;
  const key = req.params[0];
  const p = key.includes('@') ? ctx.dir.byAddress(key) : ctx.dir.byGoogleId(key);
  if (!p) return googleError(404, 'Resource Not Found: userKey', 'notFound');
  const user = googleUser(p, ctx.dir, ctx.google.customerId, shape.projection, shape.mask);
  return reply(200, partial.fields ? (applyFields(user, partial.fields) ?? {}) : user);
}

function schemas(ctx: SandboxContext, req: SimRequest): SimResponse {
  if (!ownsCustomer(ctx, req.params[0])) return googleError(400, 'Bad Request', 'badRequest');
  return reply(200, googleSchemas());
}

import type { SandboxContext } from './context';
import { graphError, GraphApi, userReadCost } from './graph-common';
import { graphDelta } from './graph-delta';
import { filterHolds, parseGraphFilter } from './graph-filter';
import { GRAPH_DEFAULT_PROPS } from './graph-shape';
import {
  decodeToken,
  encodeToken,
  intParam,
  jsonBody,
  jsonWithLists,
  reply,
  route,
  SimRequest,
  SimResponse,
  Simulator,
} from './http';
import type { Person } from './users';

/** Microsoft Graph v1.0 users (api-facts §1), under /graph: base URL = https://graph.microsoft.com. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createGraph(ctx: SandboxContext): Simulator {
  const api = new GraphApi(ctx);
  const read = (h: (api: GraphApi, req: SimRequest) => SimResponse) => api.guard(userReadCost, (req) => h(api, req));
  return {
    vendor: 'graph',
    routes: [
      route('GET', '/v1.0/users/delta', read(graphDelta)),
      route('GET', '/v1.0/users/delta()', read(graphDelta)),
      route('GET', '/v1.0/users', read(listUsers)),
      route('GET', '/v1.0/users/{id}', read(getUser)),
      route('GET', '/v1.0/users/{id}/manager', read(getManager)),
      route(
        'POST',
        '/v1.0/directoryObjects/getAvailableExtensionProperties',
        api.guard(
          () => 1,
          (req) => extensionProperties(api, req),
        ),
      ),
    ],
    fault: (status) =>
      status === 429
        ? api.throttled(Date.now() + 1000)
        : status === 503
          ? graphError(503, 'serviceNotAvailable', 'Service unavailable.', {
              'Retry-After': '1',
              'x-ms-resource-unit': '1',
            })
          : graphError(500, 'generalException', 'General exception while processing.', { 'x-ms-resource-unit': '1' }),
    notFound: (req) =>
      graphError(400, 'BadRequest', `Resource not found for the segment '${req.path.split('/').pop()}'.`, {
        'x-ms-resource-unit': '1',
      }),
  };
}

export function userByKey(api: GraphApi, key: string): Person | undefined {
  const dir = api.ctx.dir;
  return GUID.test(key) ? dir.byGraphId(key) : dir.byUserPrincipalName(key);
}

function notFound(key: string): SimResponse {
  return graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** A user with its manager expanded in place (Graph omits `manager` when there is none). */
export function withManager(
  api: GraphApi,
  p: Person,
  props: string[],
  managerProps: string[] | null,
): Record<string, unknown> {
  const user = api.type.shape(p, props, api.ctx.dir);
  const m = managerProps && api.ctx.dir.manager(p);
  if (m && managerProps)
    user.manager = { '@odata.type': '#microsoft.graph.user', ...api.type.shape(m, managerProps, api.ctx.dir) };
  return user;
}

const context = (req: SimRequest, props: string[] | null, suffix = ''): string =>
  `${req.base}/v1.0/$metadata#users${props ? `(${props.join(',')})` : ''}${suffix}`;

function listUsers(api: GraphApi, req: SimRequest): SimResponse {
  const q = req.query;
  // api-facts §1 Paging: $skip unsupported; §1 Advanced queries need ConsistencyLevel: eventual (not simulated).
  for (const opt of ['$skip', '$orderby', '$search', '$count']) {
    if (q.has(opt))
      return graphError(
        400,
        'Request_UnsupportedQuery',
        `Query option '${opt}' is not supported by the sandbox (Graph: '$skip' never; the others only as advanced queries).`,
      );
  }
  const props = api.select(req, true, GRAPH_DEFAULT_PROPS);
  if (!Array.isArray(props)) return props;
  const managerProps = api.expand(req);
  if (managerProps !== null && !Array.isArray(managerProps)) return managerProps;
  const top = intParam(q, '$top');
  // api-facts §1 Paging: $top 1–999, default 100.
  if (top !== undefined && !(top >= 1 && top <= 999)) {
    return graphError(
      400,
      'Request_BadRequest',
      `Invalid page size specified: '${q.get('$top')}'. Must be between 1 and 999 inclusive.`,
    );
  }
  // api-facts §1 Manager: with $expand the page size stays ≤ 100 even with $top=999.
  const size = Math.min(top ?? 100, managerProps ? 100 : 999);
  const rawFilter = q.get('$filter');
  const filter = rawFilter === null ? undefined : parseGraphFilter(rawFilter, api.type);
  if (filter && !filter.ok) return graphError(400, 'Request_UnsupportedQuery', filter.message);
  let from = 0;
  const skip = q.get('$skiptoken');
  if (skip !== null) {
    const t = decodeToken<{ p?: number }>(skip);
    if (typeof t?.p !== 'number')
      return graphError(
        400,
        'Directory_ExpiredPageToken',
        'The specified page token value has expired and can no longer be included in your request.',
      );
    from = t.p;
  }
  const dir = api.ctx.dir;
  // Everything the answer depends on besides the people (shape-cache.ts).
  const key = ['graph', req.base, props.join(','), managerProps?.join(',') ?? '-', rawFilter ?? ''].join('\n');
  const accept = filter?.ok ? (p: Person) => filterHolds(filter.filter, p, api.type, dir) : () => true;
  const page = dir.shapes.page(key, from, size, accept, (p) => withManager(api, p, props, managerProps));
  const body: Record<string, unknown> = { '@odata.context': context(req, q.has('$select') ? props : null) };
  // api-facts §1 Paging: follow @odata.nextLink verbatim; it embeds $skiptoken and the other params.
  if (page.next >= 0) body['@odata.nextLink'] = nextLink(req, encodeToken({ p: page.next }));
  body.value = null;
  return reply(200, jsonWithLists(body, { value: page.items }));
}

function nextLink(req: SimRequest, token: string): string {
  const parts: string[] = [];
  for (const [k, v] of req.query) if (k !== '$skiptoken') parts.push(`${k}=${encodeURIComponent(v)}`);
  parts.push(`$skiptoken=${token}`);
  return `${req.base}/v1.0/users?${parts.join('&')}`;
}

function getUser(api: GraphApi, req: SimRequest): SimResponse {
  // api-facts §1: listSupported:false properties are fine on a single user.
  const props = api.select(req, false, GRAPH_DEFAULT_PROPS);
  if (!Array.isArray(props)) return props;
  const managerProps = api.expand(req);
  if (managerProps !== null && !Array.isArray(managerProps)) return managerProps;
  const p = userByKey(api, req.params[0]);
  if (!p) return notFound(req.params[0]);
  return reply(200, {
    '@odata.context': context(req, req.query.has('$select') ? props : null, '/$entity'),
    ...withManager(api, p, props, managerProps),
  });
}

// api-facts §1 Manager: GET /users/{id}/manager, 404 when none.
function getManager(api: GraphApi, req: SimRequest): SimResponse {
  const props = api.select(req, false, GRAPH_DEFAULT_PROPS);
  if (!Array.isArray(props)) return props;
  const p = userByKey(api, req.params[0]);
  if (!p) return notFound(req.params[0]);
  const m = api.ctx.dir.manager(p);
  if (!m) return notFound('manager');
  return reply(200, {
    '@odata.context': `${req.base}/v1.0/$metadata#directoryObjects/$entity`,
    '@odata.type': '#microsoft.graph.user',
    ...api.type.shape(m, props, api.ctx.dir),
  });
}

// api-facts §1 Directory extensions: discover via POST /directoryObjects/getAvailableExtensionProperties.
function extensionProperties(api: GraphApi, req: SimRequest): SimResponse {
  const body = req.body.length ? jsonBody(req) : {};
  if (typeof body !== 'object' || body === null) return graphError(400, 'Request_BadRequest', 'Invalid JSON body.');
  const onlySynced = (body as { isSyncedFromOnPremises?: unknown }).isSyncedFromOnPremises === true;
  const ext = {
    id: api.ctx.dir.ids.graphId(0x7ffff000),
    deletedDateTime: null,
    appDisplayName: 'Contoso HR Attributes',
    dataType: 'String',
    isMultiValued: false,
    isSyncedFromOnPremises: false,
    name: api.type.extensionName,
    targetObjects: ['User'],
  };
  return reply(200, {
    '@odata.context': `${req.base}/v1.0/$metadata#Collection(microsoft.graph.extensionProperty)`,
    value: onlySynced ? [] : [ext],
  });
}

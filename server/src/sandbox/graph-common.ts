import { randomUUID } from 'crypto';
import type { SandboxContext } from './context';
import { GraphUserType, LIST_UNSUPPORTED } from './graph-shape';
import { credential, Handler, reply, SimRequest, SimResponse } from './http';
import { FixedWindow } from './rate-limit';

/** What every Graph route shares: the error body, bearer auth, resource-unit accounting and throttling. */

export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): SimResponse {
  const requestId = randomUUID();
  return reply(
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
    { 'request-id': requestId, ...headers },
  );
}

// api-facts §1 Throttling: `GET users` costs 2 RU, $select −1, $expand +1, $top < 20 −1 (minimum 1).
export function userReadCost(req: SimRequest): number {
  const q = req.query;
  const top = Number(q.get('$top'));
  let cost = 2 - (q.has('$select') ? 1 : 0) + (q.has('$expand') ? 1 : 0) - (q.has('$top') && top < 20 ? 1 : 0);
  if (q.has('$skiptoken') || q.has('$deltatoken')) cost = 1; // continuation pages carry their options in the token
  return Math.max(1, cost);
}

const AUTH_MESSAGES = {
  missing: 'Access token is empty.',
  invalid: 'Access token validation failure. Invalid audience.',
  expired: 'Lifetime validation failed, the token is expired.',
};

export class GraphApi {
  readonly type: GraphUserType;
  private readonly window?: FixedWindow;

  constructor(readonly ctx: SandboxContext) {
    this.type = new GraphUserType(`extension_${ctx.azure.extensionAppId}_costCode`);
    // api-facts §1 Throttling: token bucket per app+tenant, resource units per 10 s.
    if (ctx.limits) this.window = new FixedWindow(ctx.limits.graphResourceUnits, 10_000);
  }

  /** Bearer auth (401 with a Graph error body), then the resource-unit budget (429 + Retry-After). */
  guard(cost: (req: SimRequest) => number, handler: Handler): Handler {
    return async (req) => {
      const units = cost(req);
      const ru = { 'x-ms-resource-unit': String(units) }; // api-facts §1: on every response
      const auth = this.ctx.tokens.check(credential(req, 'Bearer'), 'graph');
      if (!auth.ok) return graphError(401, 'InvalidAuthenticationToken', AUTH_MESSAGES[auth.reason], ru);
      const extra: Record<string, string> = {};
      if (this.window) {
        const state = this.window.take(units);
        if (!state.allowed) return this.throttled(state.resetAt, ru);
        if (this.window.usage() >= 0.8) extra['x-ms-throttle-limit-percentage'] = this.window.usage().toFixed(1);
      }
      const res = await handler(req);
      res.headers = { 'request-id': randomUUID(), ...res.headers, ...ru, ...extra };
      return res;
    };
  }

  // api-facts §1 Throttling: 429 + Retry-After (seconds), x-ms-throttle-scope, x-ms-throttle-information.
  throttled(resetAt: number, headers: Record<string, string> = { 'x-ms-resource-unit': '1' }): SimResponse {
    const { clientId, tenantId } = this.ctx.azure;
    return graphError(429, 'TooManyRequests', 'Too many requests, please try again later.', {
      ...headers,
      'Retry-After': String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000))),
      'x-ms-throttle-scope': `Tenant_Application/Read/${clientId}/${tenantId}`,
      'x-ms-throttle-information': 'ResourceUnitLimitExceeded',
    });
  }

  /** `$select` of a list (collection = true) or of one user: declared names, or an error response. */
  select(req: SimRequest, collection: boolean, fallback: string[]): string[] | SimResponse {
    const raw = req.query.get('$select');
    if (raw === null || raw.trim() === '') return fallback;
    const props: string[] = [];
    for (const name of raw.split(',')) {
      const prop = this.type.resolve(name);
      if (!prop) {
        return graphError(
          400,
          'Request_BadRequest',
          `Could not find a property named '${name.trim()}' on type 'Microsoft.DirectoryServices.User'.`,
        );
      }
      if (!props.includes(prop)) props.push(prop);
    }
    const unsupported = collection ? props.filter((p) => LIST_UNSUPPORTED.has(p)) : [];
    if (unsupported.length) {
      // api-facts §1: listSupported:false properties -> 501 on the collection.
      return graphError(
        501,
        'NotImplemented',
        `The following properties cannot be selected when listing users: ${unsupported.join(', ')}. Request them for one user at a time.`,
      );
    }
    return props;
  }

  /** `$expand=manager` or `$expand=manager($select=a,b)`: the manager's properties, null when absent. */
  expand(req: SimRequest): string[] | null | SimResponse {
    const raw = req.query.get('$expand');
    if (raw === null) return null;
    const m = /^\s*manager\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/i.exec(raw);
    if (!m)
      return graphError(
        400,
        'Request_BadRequest',
        `Parsing OData Select and Expand failed: the sandbox expands only 'manager', not '${raw}'.`,
      );
    if (!m[1]) return ['id', ...MANAGER_DEFAULT];
    const props: string[] = [];
    for (const name of m[1].split(',')) {
      const prop = this.type.resolve(name);
      if (!prop)
        return graphError(
          400,
          'Request_BadRequest',
          `Could not find a property named '${name.trim()}' on type 'Microsoft.DirectoryServices.User'.`,
        );
      props.push(prop);
    }
    return props;
  }
}

const MANAGER_DEFAULT = ['displayName', 'mail', 'userPrincipalName'];

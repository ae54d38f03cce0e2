import { AtlassianGuard } from './atlassian';
import { companionRoutes } from './companion';
import type { SandboxContext } from './context';
import { reply, route, SimRequest, SimResponse, Simulator } from './http';

/**
 * Confluence Data Center (api-facts §5), under /confluence: the companion endpoint (profile fields
 * phone, im, website, position, department, location — cut to 255, blank = removed — and user
 * properties) plus GET /rest/api/user, whose object has none of those fields (samples/confluence-dc-user-object.json).
 */

const confluenceError = (status: number, message: string, headers?: Record<string, string>): SimResponse =>
  reply(
    status,
    {
      statusCode: status,
      data: { authorized: status !== 401, valid: true, errors: [], successful: false },
      message,
      reason: message,
    },
    headers,
  );

export function createConfluence(ctx: SandboxContext): Simulator {
  const users = ctx.confluence;
  const guard = new AtlassianGuard(ctx);
  return {
    vendor: 'confluence',
    routes: [
      ...companionRoutes(users, guard),
      route(
        'GET',
        '/rest/api/user',
        guard.wrap((req) => getUser(ctx, req)),
      ),
    ],
    fault: (status) => guard.fault(status),
    notFound: () => confluenceError(404, 'The sandbox has no such Confluence resource.'),
  };
}

function getUser(ctx: SandboxContext, req: SimRequest): SimResponse {
  const name = req.query.get('username');
  const key = req.query.get('key');
  if (name === null && key === null) return confluenceError(400, 'A username or key is required.');
  const u = name !== null ? ctx.confluence.get(name) : ctx.confluence.byKey(key!);
  if (!u) return confluenceError(404, `No user found with ${name !== null ? `username: ${name}` : `key: ${key}`}`);
  return reply(200, {
    type: 'known',
    username: u.username,
    userKey: u.key,
    profilePicture: { path: '/images/icons/profilepics/default.svg', width: 48, height: 48, isDefault: true },
    displayName: u.displayName,
    _links: { self: `${req.base}/rest/api/user?key=${u.key}` },
    _expandable: { status: '' },
  });
}

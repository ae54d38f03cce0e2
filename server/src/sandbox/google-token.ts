import type { SandboxContext } from './context';
import { formBody, reply, SimRequest, SimResponse } from './http';
import { audienceIs, decodeJwt, verifyRs256 } from './tokens';

/**
 * Google OAuth 2.0 token endpoint for service accounts with domain-wide delegation (api-facts §3 Auth):
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer, assertion = RS256 JWT {iss = SA e-mail,
 * sub = an admin, scope, aud = token URL, iat, exp}. The sandbox generated the key, so it checks the signature.
 */

const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const REAL_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const ALLOWED_SCOPES = [
  'admin.directory.user.readonly',
  'admin.directory.user',
  'admin.directory.userschema.readonly',
  'admin.directory.userschema',
].map((s) => `https://www.googleapis.com/auth/${s}`);

const fail = (status: number, error: string, description: string): SimResponse =>
  reply(status, { error, error_description: description });

export function googleToken(ctx: SandboxContext, req: SimRequest): SimResponse {
  const form = formBody(req);
  if (form.get('grant_type') !== GRANT)
    return fail(400, 'unsupported_grant_type', 'Invalid grant_type: ' + (form.get('grant_type') ?? ''));
  const jwt = decodeJwt(form.get('assertion'));
  if (!jwt || jwt.header.alg !== 'RS256')
    return fail(400, 'invalid_grant', 'Invalid JWT: malformed or not signed with RS256.');
  if (!verifyRs256(jwt, ctx.google.publicKey)) return fail(400, 'invalid_grant', 'Invalid JWT Signature.');
  const { iss, sub, scope, iat, exp } = jwt.payload;
  if (iss !== ctx.google.clientEmail) return fail(401, 'invalid_client', 'The OAuth client was not found.');
  if (!audienceIs(jwt, req.url.split('?')[0]) && !audienceIs(jwt, REAL_TOKEN_URL)) {
    return fail(400, 'invalid_grant', 'Invalid JWT: Audience must be the token URL.');
  }
  const now = Date.now() / 1000;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > 3600 || exp < now - 300 || iat > now + 300) {
    return fail(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  }
  if (typeof sub !== 'string' || !sub.includes('@')) {
    return fail(
      400,
      'invalid_grant',
      'Invalid JWT: the sandbox needs `sub` (the admin to impersonate; domain-wide delegation).',
    );
  }
  const scopes = typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : [];
  if (!scopes.length || scopes.some((s) => !ALLOWED_SCOPES.includes(s))) {
    return fail(
      401,
      'unauthorized_client',
      'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    );
  }
  const issued = ctx.tokens.issue('google', scopes, sub.toLowerCase());
  return reply(200, { access_token: issued.token, expires_in: issued.expiresIn, token_type: 'Bearer' });
}

import * as crypto from 'crypto';
import type { ClientFactory } from './source-options';
import { jwkKeyId, nowSeconds, privateKeyFrom, signJwt } from './jwt';
import { readTokenResponse, tokenAuth } from './token-cache';

/**
 * Okta API auth (api-facts.md §2 Auth): `Authorization: SSWS {token}`, or an OAuth service app —
 * client_credentials with a private_key_jwt client assertion at `{org_url}/oauth2/v1/token`, scope
 * okta.users.read — then `Authorization: Bearer {access_token}`.
 */
export function oktaAuth(settings: Record<string, string>, orgUrl: string, makeClient: ClientFactory) {
  const token = settings.token?.trim();
  if (token) return async () => `SSWS ${token}`;
  const clientId = settings.client_id?.trim();
  const privateKey = settings.private_key;
  if (!clientId || !privateKey) throw new Error('source okta: set token, or client_id and private_key');
  const key = privateKeyFrom(privateKey, 'source okta: private_key');
  const kid = jwkKeyId(privateKey);
  const tokenUrl = `${orgUrl}/oauth2/v1/token`;
  const client = makeClient(orgUrl);
  return tokenAuth(async () => {
    const iat = nowSeconds();
    const assertion = signJwt(
      kid ? { kid } : {},
      { aud: tokenUrl, iss: clientId, sub: clientId, jti: crypto.randomUUID(), iat, exp: iat + 300 },
      key,
    );
    const res = await client.request({
      method: 'POST',
      url: tokenUrl,
      form: {
        grant_type: 'client_credentials',
        scope: 'okta.users.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      },
    });
    return readTokenResponse(res.data, 'Okta sign-in');
  });
}

import * as crypto from 'crypto';
import type { ClientFactory } from './source-options';
import { required, trimSlash } from './source-options';
import { certificateThumbprint, nowSeconds, privateKeyFrom, signJwt } from './jwt';
import { readTokenResponse, tokenAuth } from './token-cache';

/**
 * Entra ID app-only sign-in (api-facts.md §1 Auth): client credentials at
 * `{login_url}/{tenant}/oauth2/v2.0/token` with scope `{graph_url}/.default`, using either `client_secret`
 * or `certificate` (PEM with private key and certificate → RS256 client assertion with an `x5t` header).
 */
export const DEFAULT_LOGIN_URL = 'https://login.microsoftonline.com';

export function azureAuth(settings: Record<string, string>, graphUrl: string, makeClient: ClientFactory) {
  const where = 'source azure';
  const tenant = required(settings, 'tenant', where);
  const clientId = required(settings, 'client_id', where);
  const loginUrl = trimSlash(settings.login_url?.trim() || DEFAULT_LOGIN_URL);
  const tokenUrl = `${loginUrl}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
  const secret = settings.client_secret;
  const certificate = settings.certificate;
  if (!secret && !certificate) throw new Error(`${where}: set client_secret or certificate`);
  const credential = secret
    ? () => ({ client_secret: secret })
    : certificateCredential(certificate, clientId, tokenUrl);
  const client = makeClient(loginUrl);
  // The scope is the Graph root + /.default: https://graph.microsoft.com/.default (or a national cloud's).
  const scope = `${graphUrl}/.default`;
  return tokenAuth(async () => {
    const res = await client.request({
      method: 'POST',
      url: tokenUrl,
      form: { grant_type: 'client_credentials', client_id: clientId, scope, ...credential() },
    });
    return readTokenResponse(res.data, 'Entra ID sign-in');
  });
}

function certificateCredential(pem: string, clientId: string, tokenUrl: string) {
  const key = privateKeyFrom(pem, 'source azure: certificate');
  const x5t = certificateThumbprint(pem, 'source azure: certificate');
  return (): Record<string, string> => {
    const iat = nowSeconds();
    const assertion = signJwt(
      { x5t },
      { aud: tokenUrl, iss: clientId, sub: clientId, jti: crypto.randomUUID(), nbf: iat, iat, exp: iat + 600 },
      key,
    );
    return {
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    };
  };
}

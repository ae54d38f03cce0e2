import type { ClientFactory } from './source-options';
import { required } from './source-options';
import { nowSeconds, privateKeyFrom, signJwt } from './jwt';
import { readTokenResponse, tokenAuth } from './token-cache';

/**
 * Google service account with domain-wide delegation (api-facts.md §3 Auth): a JWT {iss: client_email,
 * sub: admin_email, scope: admin.directory.user.readonly, aud: token URL} signed RS256 with the key's
 * private_key, exchanged with grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer.
 * Token URL: the token_url setting, else the key's token_uri, else https://oauth2.googleapis.com/token.
 */
export const DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const DIRECTORY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user.readonly';

interface ServiceAccountKey {
  client_email?: unknown;
  private_key?: unknown;
  token_uri?: unknown;
}

export function googleAuth(settings: Record<string, string>, makeClient: ClientFactory) {
  const where = 'source google';
  const keyText = required(settings, 'service_account_key', where);
  const adminEmail = required(settings, 'admin_email', where);
  let key: ServiceAccountKey;
  try {
    key = JSON.parse(keyText) as ServiceAccountKey;
  } catch {
    throw new Error(`${where}: service_account_key is not JSON (expected the key file of a service account)`);
  }
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    throw new Error(`${where}: service_account_key has no client_email or private_key`);
  }
  const clientEmail = key.client_email;
  const privateKey = privateKeyFrom(key.private_key, `${where}: service_account_key private_key`);
  const tokenUrl =
    settings.token_url?.trim() || (typeof key.token_uri === 'string' && key.token_uri) || DEFAULT_TOKEN_URL;
  const client = makeClient(tokenUrl);
  return tokenAuth(async () => {
    const iat = nowSeconds();
    const assertion = signJwt(
      {},
      { iss: clientEmail, sub: adminEmail, scope: DIRECTORY_SCOPE, aud: tokenUrl, iat, exp: iat + 3600 },
      privateKey,
    );
    const res = await client.request({
      method: 'POST',
      url: tokenUrl,
      form: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
    });
    return readTokenResponse(res.data, 'Google sign-in');
  });
}

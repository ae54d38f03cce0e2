import { nowSeconds, privateKeyFrom, signJwt } from '../../sync/sources/jwt';
import { clientFactory, required, trimSlash } from '../../sync/sources/source-options';
import { readTokenResponse, tokenAuth } from '../../sync/sources/token-cache';
import type { HttpClient } from '../../sync/http/client';
import type { LiveAttribute, SchemaFetcher } from './types';

const DEFAULT_API_URL = 'https://admin.googleapis.com';
const DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** Reading schema definitions needs the userschema scope besides the user one (api-facts.md §3 Auth). */
const SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.userschema.readonly',
];

interface SchemaField {
  fieldName?: string;
  fieldType?: string;
  multiValued?: boolean;
  displayName?: string;
}

/**
 * Google custom schemas (api-facts.md §3): GET {api_url}/admin/directory/v1/customer/{customer}/schemas; each field
 * becomes `customSchemas.<schemaName>.<fieldName>`.
 */
export const fetchGoogleSchema: SchemaFetcher = async (settings, io) => {
  const apiUrl = trimSlash(settings.api_url?.trim() || DEFAULT_API_URL);
  const customer = settings.customer?.trim() || 'my_customer';
  const makeClient = clientFactory(settings, io);
  const tokens = makeClient(DEFAULT_TOKEN_URL);
  const client = makeClient(apiUrl, serviceAccountAuth(settings, makeClient, tokens));
  try {
    const res = await client.getJson<{
      schemas?: { schemaName?: string; displayName?: string; fields?: SchemaField[] }[];
    }>(`/admin/directory/v1/customer/${encodeURIComponent(customer)}/schemas`, undefined, io.signal);
    return (res?.schemas ?? []).flatMap((s) =>
      (s.fields ?? [])
        .filter((f) => s.schemaName && f.fieldName)
        .map((f): LiveAttribute => ({
          path: `customSchemas.${s.schemaName}.${f.fieldName}`,
          type: (f.fieldType ?? 'STRING').toLowerCase(),
          isCollection: f.multiValued === true,
          description: `${f.displayName ?? f.fieldName} — custom schema ${s.displayName ?? s.schemaName}${f.multiValued ? ' (multi-valued: `[0].value`)' : ''}`,
        })),
    );
  } finally {
    client.close();
    tokens.close();
  }
};

function serviceAccountAuth(
  settings: Record<string, string>,
  makeClient: ReturnType<typeof clientFactory>,
  defaultTokens: HttpClient,
) {
  const where = 'source google';
  let key: { client_email?: string; private_key?: string; token_uri?: string };
  try {
    key = JSON.parse(required(settings, 'service_account_key', where)) as typeof key;
  } catch (e) {
    // never echo the parser's message: it quotes the key text
    if ((e as Error).message.startsWith(where)) throw e;
    throw new Error(`${where}: service_account_key is not JSON (expected the key file of a service account)`);
  }
  const adminEmail = required(settings, 'admin_email', where);
  if (!key.client_email || !key.private_key)
    throw new Error(`${where}: service_account_key has no client_email or private_key`);
  const privateKey = privateKeyFrom(key.private_key, `${where}: service_account_key private_key`);
  const tokenUrl = settings.token_url?.trim() || key.token_uri || DEFAULT_TOKEN_URL;
  const tokens = tokenUrl === DEFAULT_TOKEN_URL ? defaultTokens : makeClient(tokenUrl);
  return tokenAuth(async () => {
    const iat = nowSeconds();
    const claims = {
      iss: key.client_email,
      sub: adminEmail,
      scope: SCOPES.join(' '),
      aud: tokenUrl,
      iat,
      exp: iat + 3600,
    };
    const assertion = signJwt({}, claims, privateKey);
    const res = await tokens.request({
      method: 'POST',
      url: tokenUrl,
      form: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion },
    });
    return readTokenResponse(res.data, 'Google sign-in');
  });
}

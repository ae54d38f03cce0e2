import { createSign } from 'crypto';
import type { Sandbox } from '../../server/src/sandbox/server';

/** Shared helpers for the sandbox specifications: tokens, signed JWTs, JSON fetches. */

/** Parsed JSON from a simulator, read freely by the assertions. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Fetched<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch + JSON body (undefined when empty). */
export async function call<T = Json>(url: string, init: RequestInit = {}): Promise<Fetched<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } });

export const postForm = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

export const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A compact JWS signed RS256 with the given PEM key. */
export function signJwt(
  payload: Record<string, unknown>,
  privateKeyPem: string,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' },
): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKeyPem).toString('base64url')}`;
}

export function azureTokenUrl(sb: Sandbox): string {
  return `${sb.urls.azureLogin}/${sb.credentials.azure.tenant}/oauth2/v2.0/token`;
}

export async function graphToken(sb: Sandbox): Promise<string> {
  const c = sb.credentials.azure;
  const res = await call(
    azureTokenUrl(sb),
    postForm({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  );
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token;
}

export const DIRECTORY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user.readonly';

export function googleAssertion(
  sb: Sandbox,
  claims: Record<string, unknown> = {},
  key = sb.credentials.google.serviceAccountKey.private_key,
): string {
  const iat = Math.floor(Date.now() / 1000);
  const c = sb.credentials.google;
  return signJwt(
    {
      iss: c.serviceAccountKey.client_email,
      sub: c.adminEmail,
      scope: DIRECTORY_SCOPE,
      aud: sb.urls.googleToken,
      iat,
      exp: iat + 3600,
      ...claims,
    },
    key,
  );
}

export async function googleToken(sb: Sandbox, claims: Record<string, unknown> = {}): Promise<string> {
  const res = await call(
    sb.urls.googleToken,
    postForm({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: googleAssertion(sb, claims) }),
  );
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token;
}

/** All pages of a Graph collection, following @odata.nextLink verbatim. */
export async function graphPages(first: string, token: string): Promise<Json[]> {
  const pages: Json[] = [];
  let url: string | undefined = first;
  while (url) {
    const res: Fetched = await call(url, bearer(token));
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    pages.push(res.body);
    url = res.body['@odata.nextLink'];
  }
  return pages;
}

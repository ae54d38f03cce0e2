import * as crypto from 'crypto';

/**
 * RS256 JSON Web Tokens, signed with node's crypto (client assertions for Entra ID and Okta, the Google
 * service-account grant). Keys are never logged; errors name the problem, not the key.
 */

export function signJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: crypto.KeyObject,
): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', ...header }));
  const body = b64url(JSON.stringify(claims));
  const signature = crypto.sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${signature.toString('base64url')}`;
}

/** A private key from PEM text (PKCS#8 or PKCS#1, possibly alongside certificates) or a JWK JSON text. */
export function privateKeyFrom(text: string, what: string): crypto.KeyObject {
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
      return crypto.createPrivateKey({ key: JSON.parse(trimmed) as crypto.JsonWebKey, format: 'jwk' });
    }
    const block = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/.exec(trimmed);
    if (!block) throw new Error('no PRIVATE KEY block');
    return crypto.createPrivateKey(block[0]);
  } catch {
    throw new Error(`${what} is not a readable RSA private key (PEM or JWK)`);
  }
}

/** The `kid` of a JWK text, when it has one. */
export function jwkKeyId(text: string): string | undefined {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    const kid = (JSON.parse(text) as { kid?: unknown }).kid;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/** `x5t`: base64url SHA-1 thumbprint of the first certificate in a PEM text. */
export function certificateThumbprint(pem: string, what: string): string {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem);
  if (!block) throw new Error(`${what} has no CERTIFICATE block (it needs the private key and the certificate)`);
  const der = new crypto.X509Certificate(block[0]).raw;
  return crypto.createHash('sha1').update(der).digest('base64url');
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Building request URLs: base + path + query, with OData-friendly encoding. */

export type QueryValue = string | number | boolean | undefined | (string | number)[];
export type Query = Record<string, QueryValue>;

/** An absolute URL stays as is (after pinning checks elsewhere); a path is appended to the base URL. */
export function resolveUrl(baseUrl: string, url: string): string {
  if (/^https?:\/\//i.test(url)) return url;
  return baseUrl.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

/**
 * Appends query parameters (arrays repeat the name). Encoding is encodeURIComponent, keeping `$` and `,`
 * readable (`$select=id,mail`), which Graph, Okta, Google and the companion all accept.
 */
export function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const name = enc(key); // once: a target read repeats `username` a hundred times
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${name}=${enc(String(v))}`);
  }
  if (parts.length === 0) return url;
  return url + (url.includes('?') ? '&' : '?') + parts.join('&');
}

function enc(s: string): string {
  const e = encodeURIComponent(s);
  return e.includes('%2') ? e.replace(/%24/g, '$').replace(/%2C/g, ',') : e;
}

/** Encodes one path segment (a login, an id, a property key). */
export function pathSegment(s: string): string {
  return encodeURIComponent(s);
}

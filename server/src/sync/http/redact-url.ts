/**
 * A URL fit for logs and error messages: the values of query parameters that can carry credentials or
 * opaque continuation tokens are replaced by '***'; user info (user:password@) is dropped. A parameter
 * repeated many times (a target read names up to 100 usernames) shows its first values and a count, so that
 * a failed request is one readable line rather than several kilobytes.
 */
const SECRET_PARAM = /token|secret|key|sig|password|assertion|code|auth|after|cursor/i;
/** How many values of one repeated parameter a message shows. */
export const SHOWN_REPEATS = 3;

export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\?.*$/, '?…');
  }
  u.username = '';
  u.password = '';
  const seen = new Map<string, number>();
  const parts: string[] = [];
  for (const [name, value] of u.searchParams) {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n <= SHOWN_REPEATS) parts.push(`${name}=${SECRET_PARAM.test(name) ? '***' : value}`);
  }
  for (const [name, n] of seen) {
    if (n > SHOWN_REPEATS) parts.push(`… (${n - SHOWN_REPEATS} more ${name} values)`);
  }
  u.search = '';
  const base = u.toString();
  const text = parts.length ? `${base}?${parts.join('&')}` : base;
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** scheme://host:port of a URL (the unit host pinning compares). */
export function originOf(url: string): string {
  return new URL(url).origin;
}

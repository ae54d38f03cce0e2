/**
 * A URL fit for logs and error messages: the values of query parameters that can carry credentials or
 * opaque continuation tokens are replaced by '***'; user info (user:password@) is dropped.
 */
const SECRET_PARAM = /token|secret|key|sig|password|assertion|code|auth|after|cursor/i;

export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\?.*$/, '?…');
  }
  u.username = '';
  u.password = '';
  const params = [...u.searchParams.keys()];
  for (const name of new Set(params)) {
    if (SECRET_PARAM.test(name)) u.searchParams.set(name, '***');
  }
  const text = u.toString();
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** scheme://host:port of a URL (the unit host pinning compares). */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * Replaces every secret value in a text by '***', in the forms it can take in output: as is, base64
 * (standard and URL-safe), URL-encoded (%20 and form '+'), and JSON-escaped (a PEM key inside a JSON string).
 * A multi-line secret (a PEM key) also has each long line redacted on its own, and a JSON secret (a service
 * account key) each long string inside it, so that a fragment that reaches the output is caught too.
 * Values shorter than 4 characters are left alone: replacing them would mangle all output and protect nothing.
 */
export function redactor(secrets: string[]): (text: string) => string {
  const forms = redactionForms(secrets);
  if (forms.length === 0) return (text) => text;
  const re = redactionPattern(forms);
  // Every form is at least HEAD long, so a text with no form's first HEAD characters anywhere holds no form.
  // The journal redacts every value it stores, and with a service-account key's hundred forms the pattern
  // took 2.2 µs a value (30% of applying 9,400 changes); the check takes 0.3 µs (docs/benchmarks-history.md).
  const heads = new Set(forms.map((f) => f.slice(0, HEAD)));
  return (text) => {
    for (let i = 0; i + HEAD <= text.length; i++)
      if (heads.has(text.slice(i, i + HEAD))) return text.replace(re, '***');
    return text;
  };
}

const HEAD = 4;

/** Every form of every secret that output may carry (see redactor), each at least HEAD characters long. */
export function redactionForms(secrets: string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const s of fragments(secret)) {
      if (s.length < HEAD) continue;
      const b64 = Buffer.from(s, 'utf8').toString('base64');
      for (const f of [
        s,
        b64,
        b64.replace(/=+$/, ''),
        Buffer.from(s, 'utf8').toString('base64url'),
        encodeURIComponent(s),
        new URLSearchParams({ v: s }).toString().slice(2),
        JSON.stringify(s).slice(1, -1),
      ]) {
        if (f.length >= HEAD) forms.add(f);
      }
    }
  }
  return [...forms];
}

/** One pattern for all forms, longest first, so that a form inside a longer one never leaves a piece behind. */
export function redactionPattern(forms: string[]): RegExp {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
}

const FRAGMENT_MIN = 16;

function fragments(secret: string, depth = 0): string[] {
  if (!secret) return [];
  const out = [secret];
  if (secret.includes('\n')) {
    out.push(
      ...secret
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length >= FRAGMENT_MIN && !l.startsWith('-----')),
    );
  }
  if (depth === 0 && secret.trimStart().startsWith('{')) {
    try {
      for (const v of stringsIn(JSON.parse(secret))) {
        if (v.length >= FRAGMENT_MIN && !isPublicIdentifier(v)) out.push(...fragments(v, 1));
      }
    } catch {
      // not JSON: the whole text is already covered
    }
  }
  return out;
}

/**
 * A value of a JSON credential that names something public rather than holding a secret: an endpoint
 * (a Google key's `token_uri`, `auth_uri`, certificate URLs) or an account's address (`client_email`).
 * Redacted, they would blank out the very URL or account an error message has to name ("POST *** failed").
 * The whole JSON text stays a secret, and so does a URL that carries a user name or password.
 */
function isPublicIdentifier(value: string): boolean {
  if (/^[^\s@:/]+@[^\s@/]+\.[a-z]{2,}$/i.test(value)) return true;
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

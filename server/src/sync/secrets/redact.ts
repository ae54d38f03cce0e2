/**
 * Replaces every secret value in a text by '***', in the forms it can take in output: as is, base64
 * (standard and URL-safe), URL-encoded (%20 and form '+'), and JSON-escaped (a PEM key inside a JSON string).
 * A multi-line secret (a PEM key) also has each long line redacted on its own, and a JSON secret (a service
 * account key) each long string inside it, so that a fragment that reaches the output is caught too.
 * Values shorter than 4 characters are left alone: replacing them would mangle all output and protect nothing.
 */
export function redactor(secrets: string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    for (const s of fragments(secret)) {
      if (s.length < 4) continue;
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
        if (f.length >= 4) forms.add(f);
      }
    }
  }
  if (forms.size === 0) return (text) => text;
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  const re = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(re, '***');
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
        if (v.length >= FRAGMENT_MIN) out.push(...fragments(v, 1));
      }
    } catch {
      // not JSON: the whole text is already covered
    }
  }
  return out;
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

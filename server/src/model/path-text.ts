import type { PathExpr } from './model';

/** A path as written: `organizations[type=work].title`, `businessPhones[0]`. */
export function pathText(path: PathExpr): string {
  return pathPrefixText(path, path.segments.length, true);
}

/**
 * The first `end` segments of a path as written; the last one's index or selector only when
 * `lastAccess` (evaluation names `organizations` before it applies `[type=work]`).
 */
export function pathPrefixText(path: PathExpr, end: number, lastAccess: boolean): string {
  let out = '';
  for (let i = 0; i < end; i++) {
    const s = path.segments[i];
    out += i === 0 ? s.name : `.${s.name}`;
    if (!s.access || (!lastAccess && i === end - 1)) continue;
    out += s.access.kind === 'index' ? `[${s.access.index}]` : `[${s.access.key}=${s.access.value}]`;
  }
  return out;
}

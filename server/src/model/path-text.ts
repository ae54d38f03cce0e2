import type { PathExpr } from './model';

/** A path as written: `organizations[type=work].title`, `businessPhones[0]`. */
export function pathText(path: PathExpr): string {
  return path.segments
    .map((s) => {
      if (!s.access) return s.name;
      if (s.access.kind === 'index') return `${s.name}[${s.access.index}]`;
      return `${s.name}[${s.access.key}=${s.access.value}]`;
    })
    .join('.');
}

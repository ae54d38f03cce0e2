import type { Expr } from '../../model/model';
import type { RunnableConnector } from '../types';

/**
 * The attribute paths a connector reads, as segment names (`manager.mail` → ['manager', 'mail'];
 * `organizations[primary=true].title` → ['organizations', 'title']), from the match expression and every
 * mapping, walking into function-call arguments. Each path appears once, in first-use order.
 */
export function attributesUsed(connector: Pick<RunnableConnector, 'match' | 'mappings'>): string[][] {
  const seen = new Map<string, string[]>();
  const visit = (e: Expr): void => {
    if (e.kind === 'path') {
      const names = e.segments.map((s) => s.name).filter((n) => n !== '');
      if (names.length > 0 && !seen.has(names.join('.'))) seen.set(names.join('.'), names);
    } else if (e.kind === 'call') {
      e.args.forEach(visit);
    }
  };
  visit(connector.match);
  connector.mappings.forEach((m) => visit(m.expr));
  return [...seen.values()];
}

/** The distinct first segments of the paths used (what Graph's `$select` lists). */
export function topLevelAttributes(paths: string[][]): string[] {
  return [...new Set(paths.map((p) => p[0]))];
}

/** Second segments under one top-level name (`manager.mail`, `manager.id` → ['mail', 'id']). */
export function childAttributes(paths: string[][], top: string): string[] {
  return [...new Set(paths.filter((p) => p[0] === top && p.length > 1).map((p) => p[1]))];
}

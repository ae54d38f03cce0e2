import type { Connector, ConnectorItem, Document, Expr, PathExpr, PathSegment, Setting } from '../model/model';
import { contains } from '../text/span';

/** Finding model nodes by offset. Connectors and items are in source order: binary search. */

/** The last connector that starts at or before `offset` (the cursor may be after its end). */
export function connectorBefore(doc: Document, offset: number): Connector | undefined {
  const list = doc.connectors;
  let lo = 0;
  let hi = list.length - 1;
  let found: Connector | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start <= offset) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The connector whose span holds `offset`. */
export function connectorAt(doc: Document, offset: number): Connector | undefined {
  const c = connectorBefore(doc, offset);
  return c && contains(c.span, offset) ? c : undefined;
}

export function itemAt(c: Connector, offset: number): ConnectorItem | undefined {
  return c.items.find((i) => contains(i.span, offset));
}

export function settingAt(settings: readonly Setting[], offset: number): Setting | undefined {
  return settings.find((s) => contains(s.span, offset));
}

/** The innermost expression node at `offset`, with the calls around it (outermost first). */
export interface ExprHit {
  expr: Expr;
  calls: Extract<Expr, { kind: 'call' }>[];
}

export function exprAt(expr: Expr, offset: number, calls: ExprHit['calls'] = []): ExprHit | undefined {
  if (!contains(expr.span, offset)) return undefined;
  if (expr.kind === 'call') {
    for (const a of expr.args) {
      const hit = exprAt(a, offset, [...calls, expr]);
      if (hit) return hit;
    }
    return { expr, calls };
  }
  return { expr, calls };
}

/** The segment of a path at `offset` (its name, or its `[...]` access). */
export function segmentAt(path: PathExpr, offset: number): { segment: PathSegment; index: number } | undefined {
  const index = path.segments.findIndex(
    (s) => contains(s.span, offset) || (s.access !== undefined && contains(s.access.span, offset)),
  );
  return index < 0 ? undefined : { segment: path.segments[index], index };
}

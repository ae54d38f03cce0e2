import type { CallExpr, Connector, Expr, PathExpr } from '../model/model';

/** Depth-first over an expression and its call arguments; `visit` returning false skips the children. */
export function visitExpr(expr: Expr, visit: (e: Expr) => unknown): void {
  if (visit(expr) === false) return;
  if (expr.kind === 'call') for (const arg of expr.args) visitExpr(arg, visit);
}

/** The paths in an expression (the expression itself when it is one). Shared: never change the array. */
export function pathsIn(expr: Expr): readonly PathExpr[] {
  if (expr.kind === 'path') return [expr];
  if (expr.kind !== 'call') return NONE;
  const paths: PathExpr[] = [];
  visitExpr(expr, (e) => {
    if (e.kind === 'path') paths.push(e);
  });
  return paths;
}

/** The calls in an expression, outermost first. */
export function callsIn(expr: Expr): readonly CallExpr[] {
  if (expr.kind !== 'call') return NONE;
  const calls: CallExpr[] = [];
  visitExpr(expr, (e) => {
    if (e.kind === 'call') calls.push(e);
  });
  return calls;
}

const NONE: readonly never[] = [];

/** Where an attribute expression stands: the match line or a map line. */
export type ExprRole = 'match' | 'mapping';

/** The expressions that read IdP attributes: match and every mapping, in source order. */
export function attributeExprs(c: Connector): { expr: Expr; role: ExprRole }[] {
  const out: { expr: Expr; role: ExprRole }[] = [];
  for (const item of c.items) {
    if (item.kind === 'match') out.push({ expr: item.expr, role: 'match' });
    if (item.kind === 'mapping') out.push({ expr: item.expr, role: 'mapping' });
  }
  return out;
}

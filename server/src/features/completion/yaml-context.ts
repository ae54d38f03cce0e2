import type { Connector, Document, Expr } from '../../model/model';
import { sourceBlock, targetBlock } from '../../model/query';
import * as T from '../../syntax/tokens';
import { connectorBefore } from '../locate';
import type { CursorContext } from './cursor-context';
import { isName } from './scan-state';
import { openCall, pathBefore } from './expr-tokens';

/**
 * Where the cursor stands in the YAML form. Only expressions get completion there (the `match` and
 * `map` values): the YAML structure itself is the YAML editor's business.
 */
/** The `match`/`map` expression of the YAML form the cursor is in (or just after, on its line). */
export function yamlExpressionAt(
  doc: Document,
  offset: number,
): { expr: Expr; owner: 'match' | 'mapping'; connector: Connector } | undefined {
  const connector = connectorBefore(doc, offset);
  if (!connector) return undefined;
  for (const i of connector.items) {
    if (i.kind !== 'match' && i.kind !== 'mapping') continue;
    const { span } = i.expr;
    if (span.start <= offset && (offset <= span.end || /^[ \t]*$/.test(doc.text.slice(span.end, offset)))) {
      return { expr: i.expr, owner: i.kind, connector };
    }
  }
  return undefined;
}

export function yamlCursorContext(doc: Document, offset: number): CursorContext {
  const text = doc.text;
  const connector = connectorBefore(doc, offset);
  const none: CursorContext = {
    where: { kind: 'none' },
    replace: { start: offset, end: offset },
    prefix: '',
    lineRest: '',
    connector,
  };
  if (!connector) return none;
  const exprs: { expr: Expr; owner: 'match' | 'mapping' }[] = [];
  for (const i of connector.items) {
    if (i.kind === 'match') exprs.push({ expr: i.expr, owner: 'match' });
    if (i.kind === 'mapping') exprs.push({ expr: i.expr, owner: 'mapping' });
  }
  const hit = exprs.find(
    ({ expr }) =>
      expr.span.start <= offset && (offset <= expr.span.end || /^[ \t]*$/.test(text.slice(expr.span.end, offset))),
  );
  if (!hit) return none;
  const from = hit.expr.span.start;
  let tokens = T.lexer.tokenize(text.slice(from, offset)).tokens;
  const ctx: CursorContext = {
    ...none,
    sourceType: sourceBlock(connector)?.type,
    targetType: targetBlock(connector)?.type,
  };
  const last = tokens[tokens.length - 1];
  if (last && from + last.startOffset + last.image.length === offset && isName(last)) {
    let end = offset;
    while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
    ctx.replace = { start: from + last.startOffset, end };
    ctx.prefix = last.image;
    tokens = tokens.slice(0, -1);
  }
  if (tokens.some((t) => t.tokenType === T.UnterminatedString)) return ctx;
  const tail = pathBefore(tokens, from);
  if (tail.kind === 'selector') ctx.where = { kind: 'selector', path: tail.path };
  else if (tail.kind === 'names') {
    const owner =
      hit.owner === 'match'
        ? { kind: 'match' as const, field: 'username' }
        : { kind: 'mapping' as const, target: '', key: '' };
    ctx.where = { kind: 'expression', owner, path: tail.path, call: openCall(tokens, from) };
  }
  return ctx;
}

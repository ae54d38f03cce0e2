import type { CstNode } from 'chevrotain';
import type { Expr, PathExpr, PathSegment } from '../model/model';
import { node, nodes, nodeSpan, token, tokenSpan, unquote } from './cst';

/** Expression CST → model. A hole left by recovery becomes a `missing` expression at `at`. */
export function buildExpr(n: CstNode | undefined, at: number): Expr {
  if (!n) return { kind: 'missing', span: { start: at, end: at } };
  const str = token(n, 'string');
  if (str) return { kind: 'string', value: unquote(str.image), span: tokenSpan(str) };
  const call = node(n, 'call');
  if (call) return buildCall(call, at);
  const path = node(n, 'path');
  if (path) return buildPath(path, at);
  return { kind: 'missing', span: nodeSpan(n, at) };
}

function buildCall(n: CstNode, at: number): Expr {
  const name = token(n, 'name');
  const span = nodeSpan(n, at);
  const args = nodes(n, 'args').map((a) => buildExpr(a, span.end));
  return {
    kind: 'call',
    name: name?.image ?? '',
    nameSpan: name ? tokenSpan(name) : { start: span.start, end: span.start },
    args,
    span,
  };
}

function buildPath(n: CstNode, at: number): PathExpr {
  const span = nodeSpan(n, at);
  const head = token(n, 'head');
  const segments: PathSegment[] = [];
  if (head) segments.push({ name: head.image, span: tokenSpan(head) });
  // members and accesses interleave; order them by offset to rebuild the chain
  const parts = [...nodes(n, 'member'), ...nodes(n, 'access')].sort(
    (a, b) => nodeSpan(a, at).start - nodeSpan(b, at).start,
  );
  for (const part of parts) {
    const partSpan = nodeSpan(part, span.end);
    if (part.name === 'member') {
      const name = token(part, 'name');
      segments.push({
        name: name?.image ?? '',
        span: name ? tokenSpan(name) : { start: partSpan.end, end: partSpan.end },
      });
      continue;
    }
    const last = segments[segments.length - 1];
    if (!last) continue;
    const index = token(part, 'index');
    const key = token(part, 'key');
    const value = token(part, 'value');
    if (index) last.access = { kind: 'index', index: Number(index.image), span: partSpan };
    else if (key)
      last.access = {
        kind: 'selector',
        key: key.image,
        value: value ? (value.image.startsWith('"') ? unquote(value.image) : value.image) : '',
        span: partSpan,
      };
  }
  return { kind: 'path', segments, span };
}

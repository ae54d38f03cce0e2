import type { CallExpr, Expr, MissingExpr, PathExpr, PathSegment, StringExpr } from '../../server/src/model/model';

/**
 * Builds model expressions for specs without the parser: `path('phones[type=work].value')`.
 * Spans are offsets into the given text (plus `at`), like the parser's.
 */
export function path(text: string, at = 0): PathExpr {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i <= text.length) {
    const start = i;
    while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
    const seg: PathSegment = { name: text.slice(start, i), span: { start: at + start, end: at + i } };
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      const end = close < 0 ? text.length : close + 1;
      const inner = text.slice(i + 1, close < 0 ? text.length : close);
      const span = { start: at + i, end: at + end };
      const eq = inner.indexOf('=');
      seg.access =
        eq < 0
          ? { kind: 'index', index: Number(inner), span }
          : { kind: 'selector', key: inner.slice(0, eq), value: inner.slice(eq + 1), span };
      i = end;
    }
    segments.push(seg);
    if (text[i] !== '.') break;
    i++;
  }
  return { kind: 'path', segments, span: { start: at, end: at + text.length } };
}

export function str(value: string): StringExpr {
  return { kind: 'string', value, span: { start: 0, end: value.length + 2 } };
}

export function call(name: string, ...args: Expr[]): CallExpr {
  return {
    kind: 'call',
    name,
    nameSpan: { start: 0, end: name.length },
    args,
    span: { start: 0, end: name.length + 2 },
  };
}

export function missing(): MissingExpr {
  return { kind: 'missing', span: { start: 0, end: 0 } };
}

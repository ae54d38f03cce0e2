import type { IToken } from 'chevrotain';
import type { PathSegment } from '../../model/model';
import * as T from '../../syntax/tokens';
import { unquote } from '../../syntax/cst';
import { isName } from './scan-state';

/** Readers over the tokens of a half-typed expression (offsets shifted by `from`). */

export interface OpenCall {
  name: string;
  /** Offset of the name. */
  start: number;
  /** Which argument the cursor is in (commas before it at this level). */
  argIndex: number;
}

/** The innermost call whose `(` is open at the end of `tokens`. */
export function openCall(tokens: readonly IToken[], from: number): OpenCall | undefined {
  const stack: (OpenCall | undefined)[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType === T.LParen) {
      const prev = tokens[i - 1];
      stack.push(isName(prev) ? { name: prev.image, start: from + prev.startOffset, argIndex: 0 } : undefined);
    } else if (t.tokenType === T.RParen) {
      stack.pop();
    } else if (t.tokenType === T.Comma) {
      const top = stack[stack.length - 1];
      if (top) top.argIndex++;
    }
  }
  return stack[stack.length - 1];
}

export type PathTail =
  /** A name can start here (after `=`, `(` or `,`), or follow the dot after `path`. */
  | { kind: 'names'; path: PathSegment[] }
  /** Inside an open `[` after `path`. */
  | { kind: 'selector'; path: PathSegment[] }
  | { kind: 'none' };

/** What the end of the expression tokens asks for. */
export function pathBefore(tokens: readonly IToken[], from: number): PathTail {
  const last = tokens[tokens.length - 1];
  if (!last || last.tokenType === T.LParen || last.tokenType === T.Comma) return { kind: 'names', path: [] };
  const open = openBracket(tokens);
  if (open >= 0) {
    const path = chainEndingAt(tokens, open - 1, from);
    return path ? { kind: 'selector', path } : { kind: 'none' };
  }
  if (last.tokenType === T.Dot) {
    const path = chainEndingAt(tokens, tokens.length - 2, from);
    return path ? { kind: 'names', path } : { kind: 'none' };
  }
  return { kind: 'none' };
}

/** Index of a `[` not closed before the end, or -1. */
function openBracket(tokens: readonly IToken[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].tokenType;
    if (t === T.RBracket || t === T.LParen || t === T.RParen || t === T.Comma) return -1;
    if (t === T.LBracket) return i;
  }
  return -1;
}

/** The path `a.b[type=work].c` whose last token is at `end`, as model segments. */
function chainEndingAt(tokens: readonly IToken[], end: number, from: number): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let i = end;
  for (;;) {
    let access: PathSegment['access'];
    if (tokens[i]?.tokenType === T.RBracket) {
      let j = i;
      while (j >= 0 && tokens[j].tokenType !== T.LBracket) j--;
      if (j < 0) return undefined;
      access = accessOf(tokens.slice(j + 1, i), from + tokens[j].startOffset, from + tokens[i].startOffset + 1);
      i = j - 1;
    }
    const t = tokens[i];
    if (!isName(t)) return undefined;
    const start = from + t.startOffset;
    segments.unshift({ name: t.image, span: { start, end: start + t.image.length }, ...(access ? { access } : {}) });
    if (tokens[i - 1]?.tokenType !== T.Dot) return segments;
    i -= 2;
  }
}

function accessOf(inner: readonly IToken[], start: number, end: number): PathSegment['access'] {
  const span = { start, end };
  if (inner.length === 1 && inner[0].tokenType === T.Integer)
    return { kind: 'index', index: Number(inner[0].image), span };
  const [key, eq, value] = inner;
  if (!key || eq?.tokenType !== T.Equals) return undefined;
  const v = value ? (value.tokenType === T.StringLiteral ? unquote(value.image) : value.image) : '';
  return { kind: 'selector', key: key.image, value: v, span };
}

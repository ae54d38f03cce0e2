import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from '../text/span';

/**
 * Small readers over Chevrotain's CST that tolerate recovery: tokens inserted by recovery
 * have NaN offsets, and nodes cut short by an error may lack any child.
 */

export function isToken(e: CstElement | undefined): e is IToken {
  return !!e && 'image' in e;
}

export function node(n: CstNode, key: string, i = 0): CstNode | undefined {
  const e = n.children[key]?.[i];
  return e && !isToken(e) ? e : undefined;
}

export function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

/** A real token (not one inserted by recovery). */
export function token(n: CstNode, key: string, i = 0): IToken | undefined {
  const e = n.children[key]?.[i];
  return isToken(e) && !Number.isNaN(e.startOffset) && !e.isInsertedInRecovery ? e : undefined;
}

export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** The node's span, or an empty span at `fallback` when recovery left it without located tokens. */
export function nodeSpan(n: CstNode | undefined, fallback: number): Span {
  const loc = n?.location;
  if (!loc || Number.isNaN(loc.startOffset)) return { start: fallback, end: fallback };
  const end = Number.isNaN(loc.endOffset ?? NaN) ? loc.startOffset : (loc.endOffset as number) + 1;
  return { start: loc.startOffset, end: Math.max(end, loc.startOffset) };
}

/** Decodes a quoted string token: \" \\ \n \t \r are escapes; any other backslash stays as written. */
export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(["\\ntr])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

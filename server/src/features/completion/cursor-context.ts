import type { IToken } from 'chevrotain';
import type { Block, Connector, Document, PathSegment } from '../../model/model';
import { sourceBlock, targetBlock } from '../../model/query';
import * as T from '../../syntax/tokens';
import type { Span } from '../../text/span';
import { connectorBefore } from '../locate';
import { exprComplete, isName, scanTokens, type ExprOwner, type ScanState } from './scan-state';
import { openCall, pathBefore, type OpenCall } from './expr-tokens';

/** Where the cursor stands, as completion sees it. */
export type Where =
  | { kind: 'none' }
  | { kind: 'top-level' }
  | { kind: 'connector-item' }
  | { kind: 'block-type'; role: 'source' | 'target' }
  | { kind: 'setting-key'; role: 'source' | 'target'; type: string; block?: Block }
  | { kind: 'match-field' }
  | { kind: 'map-target' }
  | { kind: 'profile-field' }
  | { kind: 'schedule' }
  | { kind: 'cron'; quoted: boolean }
  | { kind: 'reference-arg'; reference: string }
  /** An expression; `path` holds the segments before the dot when the cursor follows `a.b.`. */
  | {
      kind: 'expression';
      owner: ExprOwner;
      path: PathSegment[];
      call?: OpenCall;
      block?: { role: string; type: string };
    }
  /** Inside `[` after a collection: `phones[|`. */
  | { kind: 'selector'; path: PathSegment[] };

export interface CursorContext {
  where: Where;
  /** The text completion replaces: the word being typed, or the inside of the string. */
  replace: Span;
  prefix: string;
  /** The rest of the line after `replace` (to avoid inserting an `=` that is already there). */
  lineRest: string;
  connector?: Connector;
  sourceType?: string;
  targetType?: string;
}

export function cursorContext(doc: Document, offset: number): CursorContext {
  const text = doc.text;
  const at = Math.max(0, Math.min(offset, text.length));
  const connector = connectorBefore(doc, at);
  const from = connector ? connector.span.start : 0;
  const lexed = T.lexer.tokenize(text.slice(from, at));
  const base: CursorContext = {
    where: { kind: 'none' },
    replace: { start: at, end: at },
    prefix: '',
    lineRest: '',
    connector,
    sourceType: connector ? sourceBlock(connector)?.type : undefined,
    targetType: connector ? targetBlock(connector)?.type : undefined,
  };
  const comments = (lexed.groups.comments as IToken[] | undefined) ?? [];
  if (comments.some((c) => from + c.startOffset + c.image.length === at)) return base;
  let tokens = lexed.tokens;
  const last = tokens[tokens.length - 1];
  let str: IToken | undefined;
  if (last && from + last.startOffset + last.image.length === at) {
    if (isName(last) || last.tokenType === T.Integer) {
      base.replace = { start: from + last.startOffset, end: wordEnd(text, at) };
      base.prefix = last.image;
      tokens = tokens.slice(0, -1);
    } else if (last.tokenType === T.UnterminatedString) {
      str = last;
      base.replace = { start: from + last.startOffset + 1, end: stringEnd(text, at) };
      base.prefix = last.image.slice(1);
      tokens = tokens.slice(0, -1);
    }
  }
  base.lineRest = text.slice(base.replace.end, stringEnd(text, base.replace.end, false));
  const s = scanTokens(tokens.filter((t) => t.tokenType !== T.UnterminatedString));
  const lastEnd = s.last ? from + s.last.startOffset + s.last.image.length : from;
  const gapHasNewline = /[\r\n]/.test(text.slice(lastEnd, base.replace.start));
  base.where = str ? whereInString(s) : whereAt(s, from, connector, base.prefix !== '' || gapHasNewline);
  return base;
}

function whereAt(s: ScanState, from: number, connector: Connector | undefined, freshItem: boolean): Where {
  const st = s.state;
  const itemStart = (): Where => {
    if (s.depth === 0) return { kind: 'top-level' };
    if (s.depth === 1) return { kind: 'connector-item' };
    if (!s.block) return { kind: 'none' };
    const block = connector?.items.find(
      (i): i is Block => i.kind === 'block' && i.span.start === from + (s.block?.start ?? -1),
    );
    return { kind: 'setting-key', role: s.block.role, type: s.block.type, block };
  };
  switch (st.kind) {
    case 'top':
      return { kind: 'top-level' };
    case 'item-start':
      return itemStart();
    case 'done':
      return freshItem ? itemStart() : { kind: 'none' };
    case 'after-role':
      return { kind: 'block-type', role: st.role };
    case 'after-match':
      return { kind: 'match-field' };
    case 'after-map':
      return { kind: 'map-target' };
    case 'after-map-target':
      return st.target === 'profile' ? { kind: 'profile-field' } : { kind: 'none' };
    case 'after-schedule':
      return { kind: 'schedule' };
    case 'expr': {
      if (exprComplete(st.tokens)) return freshItem ? itemStart() : { kind: 'none' };
      const tail = pathBefore(st.tokens, from);
      if (tail.kind === 'selector') return { kind: 'selector', path: tail.path };
      if (tail.kind === 'none') return { kind: 'none' };
      const block = s.block ? { role: s.block.role, type: s.block.type } : undefined;
      return { kind: 'expression', owner: st.owner, path: tail.path, call: openCall(st.tokens, from), block };
    }
    default:
      return { kind: 'none' };
  }
}

function whereInString(s: ScanState): Where {
  const st = s.state;
  if (st.kind === 'after-schedule') return { kind: 'cron', quoted: true };
  if (st.kind !== 'expr') return { kind: 'none' };
  const call = openCall(st.tokens, 0);
  const lastTok = st.tokens[st.tokens.length - 1];
  if (call && lastTok?.tokenType === T.LParen) return { kind: 'reference-arg', reference: call.name };
  return { kind: 'none' };
}

function wordEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
  return i;
}

/** Up to the closing quote on the same line (when `quote`), or the line's end. */
function stringEnd(text: string, offset: number, quote = true): number {
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote) i++;
    else if ((c === '"' && quote) || c === '\n' || c === '\r') return i;
  }
  return text.length;
}

import type { IToken } from 'chevrotain';
import * as T from '../../syntax/tokens';

/**
 * A small state machine over the tokens before the cursor: where in the grammar the cursor stands,
 * even when the text around it does not parse (half-typed input is the normal case for completion).
 */

export interface BlockFrame {
  role: 'source' | 'target';
  type: string;
  /** Offset of the role keyword: the block's span starts there in the model. */
  start: number;
}

export type ItemState =
  | { kind: 'top' }
  | { kind: 'after-connector' }
  | { kind: 'item-start' }
  | { kind: 'after-role'; role: 'source' | 'target'; start: number }
  | { kind: 'after-type'; role: 'source' | 'target'; type: string; start: number }
  | { kind: 'after-match' }
  | { kind: 'after-match-field'; field: string }
  | { kind: 'after-schedule' }
  | { kind: 'after-map' }
  | { kind: 'after-map-target'; target: string }
  | { kind: 'after-map-key'; target: string; key: string }
  | { kind: 'after-user' }
  | { kind: 'after-key'; key: string }
  | { kind: 'expr'; owner: ExprOwner; tokens: IToken[] }
  | { kind: 'done' };

export type ExprOwner =
  | { kind: 'setting'; key: string }
  | { kind: 'option'; key: string }
  | { kind: 'match'; field: string }
  | { kind: 'mapping'; target: string; key: string };

export interface ScanState {
  /** 0 = top level, 1 = in a connector, 2 = in a source/target block. */
  depth: number;
  block?: BlockFrame;
  state: ItemState;
  /** The last token before the cursor. */
  last?: IToken;
}

export function isName(t: IToken | undefined): boolean {
  return !!t && (t.tokenType === T.Identifier || T.KEYWORDS.includes(t.tokenType));
}

const VALUE_END = new Set([T.StringLiteral, T.Integer, T.RParen, T.RBracket]);

/** Running bracket balance of an expression's token list; the lists only grow, so each token is counted once. */
const balances = new WeakMap<readonly IToken[], { seen: number; parens: number; brackets: number }>();

/** True when the expression tokens form a whole expression (more tokens would start a new item). */
export function exprComplete(tokens: readonly IToken[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last || !(isName(last) || VALUE_END.has(last.tokenType))) return false;
  let b = balances.get(tokens);
  if (!b) balances.set(tokens, (b = { seen: 0, parens: 0, brackets: 0 }));
  for (; b.seen < tokens.length; b.seen++) {
    const type = tokens[b.seen].tokenType;
    if (type === T.LParen) b.parens++;
    else if (type === T.RParen) b.parens--;
    else if (type === T.LBracket) b.brackets++;
    else if (type === T.RBracket) b.brackets--;
  }
  return b.parens <= 0 && b.brackets <= 0;
}

const CONTINUES = new Set([T.Dot, T.LBracket, T.LParen]);

export function scanTokens(tokens: readonly IToken[]): ScanState {
  const s: ScanState = { depth: 0, state: { kind: 'top' } };
  for (const t of tokens) {
    step(s, t);
    s.last = t;
  }
  return s;
}

function step(s: ScanState, t: IToken): void {
  const st = s.state;
  if (t.tokenType === T.RCurly) {
    s.depth = Math.max(0, s.depth - 1);
    if (s.depth < 2) s.block = undefined;
    s.state = s.depth === 0 ? { kind: 'top' } : { kind: 'item-start' };
    return;
  }
  if (t.tokenType === T.LCurly) {
    if (st.kind === 'after-type' || st.kind === 'after-role') {
      s.block = { role: st.role, type: st.kind === 'after-type' ? st.type : '', start: st.start };
    }
    s.depth++;
    s.state = { kind: 'item-start' };
    return;
  }
  if (st.kind === 'expr') {
    if (!exprComplete(st.tokens) || CONTINUES.has(t.tokenType)) {
      st.tokens.push(t);
      return;
    }
    s.state = { kind: 'item-start' };
    return step(s, t);
  }
  s.state = next(s, st, t);
}

function next(s: ScanState, st: ItemState, t: IToken): ItemState {
  const name = isName(t);
  const equals = t.tokenType === T.Equals;
  const str = t.tokenType === T.StringLiteral;
  switch (st.kind) {
    case 'top':
      return t.tokenType === T.Connector ? { kind: 'after-connector' } : st;
    case 'after-connector':
      return st;
    case 'after-role':
      return name ? { kind: 'after-type', role: st.role, type: t.image, start: st.start } : startItem(s, t);
    case 'after-match':
      if (equals) return { kind: 'expr', owner: { kind: 'match', field: '' }, tokens: [] };
      return name ? { kind: 'after-match-field', field: t.image } : startItem(s, t);
    case 'after-match-field':
      return equals ? { kind: 'expr', owner: { kind: 'match', field: st.field }, tokens: [] } : startItem(s, t);
    case 'after-schedule':
    case 'after-user':
      return str ? { kind: 'done' } : startItem(s, t);
    case 'after-map':
      return name ? { kind: 'after-map-target', target: t.image } : startItem(s, t);
    case 'after-map-target':
      if (equals) return { kind: 'expr', owner: { kind: 'mapping', target: st.target, key: '' }, tokens: [] };
      return name || str ? { kind: 'after-map-key', target: st.target, key: t.image } : startItem(s, t);
    case 'after-map-key':
      return equals
        ? { kind: 'expr', owner: { kind: 'mapping', target: st.target, key: st.key }, tokens: [] }
        : startItem(s, t);
    case 'after-key': {
      if (!equals) return startItem(s, t);
      const owner: ExprOwner = s.depth >= 2 ? { kind: 'setting', key: st.key } : { kind: 'option', key: st.key };
      return { kind: 'expr', owner, tokens: [] };
    }
    default:
      return startItem(s, t);
  }
}

function startItem(s: ScanState, t: IToken): ItemState {
  if (!isName(t)) return { kind: 'item-start' };
  if (s.depth === 1) {
    if (t.tokenType === T.Source || t.tokenType === T.Target) {
      return { kind: 'after-role', role: t.tokenType === T.Source ? 'source' : 'target', start: t.startOffset };
    }
    if (t.tokenType === T.Match) return { kind: 'after-match' };
    if (t.tokenType === T.Schedule) return { kind: 'after-schedule' };
    if (t.tokenType === T.Map) return { kind: 'after-map' };
    if (t.tokenType === T.User) return { kind: 'after-user' };
  }
  if (s.depth === 0) return t.tokenType === T.Connector ? { kind: 'after-connector' } : { kind: 'top' };
  return { kind: 'after-key', key: t.image };
}

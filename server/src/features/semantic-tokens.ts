import type { IToken } from 'chevrotain';
import type { Document, Expr } from '../model/model';
import * as T from '../syntax/tokens';
import type { Span } from '../text/span';

/** Semantic highlighting: what each word is, from the model (names) and the lexer (keywords, strings, comments). */
export const TOKEN_TYPES = [
  'keyword',
  'type',
  'property',
  'variable',
  'function',
  'string',
  'comment',
  'number',
  'enumMember',
  'namespace',
] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: TokenType;
  modifiers?: TokenModifier[];
}

/** Tokens in text order, never overlapping. */
export function semanticTokens(doc: Document): SemanticToken[] {
  const named = modelTokens(doc);
  if (doc.form === 'yaml') return sorted([...named.values()]);
  const lexed = T.lexer.tokenize(doc.text);
  const out: SemanticToken[] = [];
  const all: IToken[] = [...lexed.tokens, ...((lexed.groups.comments as IToken[] | undefined) ?? [])];
  for (const t of all) {
    const span = { start: t.startOffset, end: t.startOffset + t.image.length };
    const known = named.get(span.start);
    if (known) out.push(known);
    else if (T.KEYWORDS.includes(t.tokenType)) out.push({ span, type: 'keyword' });
    else if (t.tokenType === T.StringLiteral || t.tokenType === T.UnterminatedString)
      out.push({ span, type: 'string' });
    else if (t.tokenType === T.Comment) out.push({ span, type: 'comment' });
    else if (t.tokenType === T.Integer) out.push({ span, type: 'number' });
  }
  return sorted(out);
}

function modelTokens(doc: Document): Map<number, SemanticToken> {
  const m = new Map<number, SemanticToken>();
  const add = (span: Span, type: TokenType, modifiers?: TokenModifier[]) => {
    if (span.end > span.start) m.set(span.start, { span, type, ...(modifiers ? { modifiers } : {}) });
  };
  for (const c of doc.connectors) {
    add(c.nameSpan, 'namespace', ['declaration']);
    for (const i of c.items) {
      if (i.kind === 'block') {
        add(i.typeSpan, 'type');
        for (const s of i.settings) {
          add(s.keySpan, 'property');
          addExpr(s.value, add, true);
        }
      } else if (i.kind === 'option') {
        add(i.keySpan, 'property');
        addExpr(i.value, add, true);
      } else if (i.kind === 'match') {
        add(i.fieldSpan, 'property');
        addExpr(i.expr, add, false);
      } else if (i.kind === 'mapping') {
        add(i.targetSpan, 'keyword');
        add(i.keySpan, i.target === 'profile' ? 'property' : 'string');
        addExpr(i.expr, add, false);
      }
    }
  }
  return m;
}

type Add = (span: Span, type: TokenType, modifiers?: TokenModifier[]) => void;

/** Paths in settings and options are words (`store = entity`), elsewhere attribute paths. */
function addExpr(e: Expr, add: Add, value: boolean): void {
  if (e.kind === 'call') {
    add(e.nameSpan, 'function', ['defaultLibrary']);
    for (const a of e.args) addExpr(a, add, value);
  } else if (e.kind === 'path') {
    for (const s of e.segments) add(s.span, value ? 'enumMember' : 'variable');
  } else if (e.kind === 'string') {
    add(e.span, 'string');
  }
}

function sorted(tokens: SemanticToken[]): SemanticToken[] {
  tokens.sort((a, b) => a.span.start - b.span.start);
  const out: SemanticToken[] = [];
  let end = -1;
  for (const t of tokens) {
    if (t.span.start < end) continue;
    out.push(t);
    end = t.span.end;
  }
  return out;
}

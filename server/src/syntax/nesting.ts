import type { IToken } from 'chevrotain';
import type { ParseError } from '../model/model';
import { Identifier, LParen, RParen } from './tokens';

/**
 * Calls nest at most MAX_CALL_DEPTH deep. The parser, the checks and the formatter recurse once per
 * level, so a machine-made `f(f(f(…` thousands deep would overflow the stack; no real mapping needs
 * more than a handful. The call that goes too deep is cut out of the token stream (its name up to
 * its closing parenthesis, or the end) and reported, so the enclosing call reads as having no value there.
 */
export const MAX_CALL_DEPTH = 64;

export function limitCallNesting(tokens: IToken[], errors: ParseError[]): IToken[] {
  let depth = 0;
  let tooDeep = false;
  for (const t of tokens) {
    if (t.tokenType === LParen && ++depth > MAX_CALL_DEPTH) {
      tooDeep = true;
      break;
    }
    if (t.tokenType === RParen && depth > 0) depth--;
  }
  if (!tooDeep) return tokens;

  const kept: IToken[] = [];
  depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType === LParen && depth === MAX_CALL_DEPTH) {
      const named = kept.length > 0 && kept[kept.length - 1].tokenType === Identifier;
      const first = named ? kept.pop()! : t;
      let inner = 0;
      let j = i;
      for (; j < tokens.length; j++) {
        if (tokens[j].tokenType === LParen) inner++;
        else if (tokens[j].tokenType === RParen && --inner === 0) break;
      }
      const last = tokens[Math.min(j, tokens.length - 1)];
      errors.push({
        code: 'nesting-too-deep',
        message: `calls nest at most ${MAX_CALL_DEPTH} deep; this one is left out`,
        span: { start: first.startOffset, end: last.startOffset + last.image.length },
      });
      i = j;
      continue;
    }
    if (t.tokenType === LParen) depth++;
    else if (t.tokenType === RParen && depth > 0) depth--;
    kept.push(t);
  }
  return kept;
}

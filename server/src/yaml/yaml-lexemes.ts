import { CST, Lexer } from 'yaml';
import type { Span } from '../text/span';

/**
 * Flow collections (`{ }` and `[ ]`) nest at most this deep. No usersync file nests more than three. A text
 * opening with a thousand `{` killed the process in the yaml package's composer (V8 ran out of memory
 * compiling a regular expression, which nothing can catch), so a deeper text is refused before it gets there.
 */
export const MAX_FLOW_DEPTH = 64;

/** Lexemes of the yaml lexer that stand for no source text. */
const CONTROL: ReadonlySet<string> = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** True for a lexeme that is a piece of the source text (every one but the lexer's control lexemes). */
export function isSourceLexeme(lexeme: string): boolean {
  return !CONTROL.has(lexeme);
}

/**
 * The text cut into the yaml package's own lexemes (its Parser reads them with `next`), or where flow
 * collections first nest deeper than MAX_FLOW_DEPTH. Depth is counted on the lexer's flow indicators, so a
 * bracket in a quoted, plain or block scalar or in a comment never counts: the limit sees what the parser sees.
 */
export function lexYaml(text: string): { lexemes: string[] } | { tooDeep: Span } {
  const lexemes: string[] = [];
  let depth = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === '{' || lexeme === '[') {
      if (++depth > MAX_FLOW_DEPTH) return { tooDeep: { start: offset, end: offset + 1 } };
    } else if ((lexeme === '}' || lexeme === ']') && depth > 0) depth--;
    if (isSourceLexeme(lexeme)) offset += lexeme.length;
    lexemes.push(lexeme);
  }
  return { lexemes };
}

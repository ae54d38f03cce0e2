import type { IToken } from 'chevrotain';
import type { Document, Expr, ParseError, ParseResult } from '../model/model';
import { attachComments } from './comments';
import { limitCallNesting } from './nesting';
import { parser } from './parser';
import { MAX_SYNTAX_ERRORS } from './recovery';
import { lexer, UnterminatedString } from './tokens';

/**
 * Text → model for the `.usersync` form. Never throws: lexing and parsing errors come back
 * as a list, and the model holds whatever could be read.
 */
export function parseUsersync(text: string, uri: string): ParseResult {
  const lexed = lexer.tokenize(text);
  const errors: ParseError[] = lexed.errors.map((e) => ({
    code: 'unexpected-character',
    message: `unexpected character '${text.substr(e.offset, e.length).slice(0, 20)}'`,
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
  }));
  let tokens = lexed.tokens;
  if (tokens.some((t) => t.tokenType === UnterminatedString)) {
    tokens = tokens.filter((t) => {
      if (t.tokenType !== UnterminatedString) return true;
      errors.push({
        code: 'unterminated-string',
        message: 'string is not closed: add " before the end of the line',
        span: { start: t.startOffset, end: t.startOffset + t.image.length },
      });
      return false;
    });
  }
  tokens = limitCallNesting(tokens, errors);
  const connectors = parser.parseWith(tokens, 'document', text.length);
  for (const e of parser.errors) errors.push(syntaxError(e.message, e.token, text.length));
  stopError(errors, text.length);
  const document: Document = { form: 'usersync', uri, text, connectors, dangling: [] };
  attachComments(document, (lexed.groups.comments as IToken[] | undefined) ?? []);
  return { document, errors };
}

/**
 * Parses one expression that stands at `offset` in a larger text (the YAML form keeps
 * expressions in scalars). Spans in the result are offsets in that larger text.
 */
export function parseExpression(source: string, offset: number): { expr: Expr; errors: ParseError[] } {
  const lexed = lexer.tokenize(source);
  for (const t of lexed.tokens) t.startOffset += offset;
  const errors: ParseError[] = lexed.errors.map((e) => ({
    code: 'unexpected-character',
    message: `unexpected character '${source.substr(e.offset, e.length).slice(0, 20)}'`,
    span: { start: offset + e.offset, end: offset + e.offset + Math.max(1, e.length) },
  }));
  const expr = parser.parseWith(limitCallNesting(lexed.tokens, errors), 'expression', offset + source.length);
  for (const e of parser.errors) errors.push(syntaxError(e.message, e.token, offset + source.length));
  stopError(errors, offset + source.length);
  return { expr, errors };
}

/** The error that says where the parser stopped reading, when it met MAX_SYNTAX_ERRORS. */
function stopError(errors: ParseError[], eof: number): void {
  const stop = parser.stoppedAt();
  if (!stop) return;
  const { span } = syntaxError('', stop, eof);
  errors.push({
    code: 'too-many-errors',
    message: `${MAX_SYNTAX_ERRORS} syntax errors: the text from here on is not read until they are fixed`,
    span,
  });
}

function syntaxError(message: string, token: IToken, eof: number): ParseError {
  const start = Number.isNaN(token.startOffset) ? eof : token.startOffset;
  const end = Number.isNaN(token.startOffset) ? eof : start + Math.max(1, token.image.length);
  return { code: 'syntax-error', message, span: { start, end } };
}

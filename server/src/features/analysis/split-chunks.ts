import type { IToken } from 'chevrotain';
import { Connector, lexer, RCurly } from '../../syntax/tokens';

/**
 * Where a `.usersync` text splits into independent pieces, one per top-level connector, so that an
 * edit re-parses only the connector it touches. A piece starts at a `connector` keyword that begins its
 * line or follows a `}`; the comment lines and blank lines before it belong to it (they are the
 * connector's leading comments in the model), the comment after the previous `}` stays behind.
 *
 * No token of the language spans a line break (strings and comments end with their line), so lexing
 * from any line's start gives exactly the tokens a lexer run over the whole text gives for that line.
 * The split therefore lexes only the lines that contain the word `connector`, and the lines above each
 * up to the previous token, instead of the whole text (which each piece's parse lexes anyway).
 */
export function chunkStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('connector', from); at >= 0 && at < to; at = text.indexOf('connector', at + 1)) {
    const line = lineAround(text, at, from, to);
    const tokens = tokensOf(text, line);
    const i = tokens.findIndex((t) => t.tokenType === Connector && line.start + t.startOffset === at);
    if (i < 0) continue; // inside a string, a comment or a longer name
    const prev =
      i > 0
        ? { end: line.start + endOf(tokens[i - 1]), curly: tokens[i - 1].tokenType === RCurly }
        : lastTokenAbove(text, line.start, from);
    if (!prev) continue; // the region's own start
    if (!prev.curly && !onlyBlanksBefore(text, at, line.start)) continue;
    const split = splitBefore(text, prev.end, at);
    if (split > from && split > (starts.length ? starts[starts.length - 1] : from)) starts.push(split);
  }
  return starts;
}

interface Line {
  start: number;
  end: number;
}

/** The line holding `offset`, clipped to the region. */
function lineAround(text: string, offset: number, from: number, to: number): Line {
  let start = offset;
  while (start > from && !isBreak(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < to && !isBreak(text.charCodeAt(end))) end++;
  return { start, end };
}

function tokensOf(text: string, line: Line): IToken[] {
  return lexer.tokenize(text.slice(line.start, line.end)).tokens;
}

function endOf(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** The end of the last token on the lines above `lineStart` (back to `from`), and whether it is a `}`. */
function lastTokenAbove(text: string, lineStart: number, from: number): { end: number; curly: boolean } | undefined {
  let end = lineStart;
  while (end > from) {
    let start = end - 1; // the break that ends the line above (\n, \r or the \n of \r\n)
    if (text.charCodeAt(start) === 10 && start > from && text.charCodeAt(start - 1) === 13) start--;
    const lineEnd = start;
    while (start > from && !isBreak(text.charCodeAt(start - 1))) start--;
    const tokens = tokensOf(text, { start, end: lineEnd });
    const last = tokens[tokens.length - 1];
    if (last) return { end: start + endOf(last), curly: last.tokenType === RCurly };
    end = start;
  }
  return undefined;
}

/** True when only spaces and tabs stand between the line's start and `offset`. */
function onlyBlanksBefore(text: string, offset: number, lineStart: number): boolean {
  for (let i = offset - 1; i >= lineStart; i--) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The start of the line after the previous token's line, or the keyword itself when both share a line. */
function splitBefore(text: string, prevEnd: number, keyword: number): number {
  for (let i = prevEnd; i < keyword; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return keyword;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

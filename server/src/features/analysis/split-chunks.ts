import type { IToken } from 'chevrotain';
import { Connector, lexer, RCurly } from '../../syntax/tokens';

/**
 * Where a `.usersync` text splits into independent pieces, one per top-level connector, so that an
 * edit re-parses only the connector it touches. A piece starts at a `connector` keyword that begins its
 * line or follows a `}`; the comment lines and blank lines before it belong to it (they are the
 * connector's leading comments in the model), the comment after the previous `}` stays behind.
 */
export function chunkStarts(text: string, from: number, to: number): number[] {
  const slice = text.slice(from, to);
  const tokens = lexer.tokenize(slice).tokens;
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.tokenType !== Connector) continue;
    const prev: IToken | undefined = tokens[i - 1];
    if (!prev) continue; // the region's own start
    if (prev.tokenType !== RCurly && !startsLine(slice, t.startOffset)) continue;
    const at = splitBefore(slice, prev, t);
    if (at > 0 && at > (starts.length ? starts[starts.length - 1] - from : 0)) starts.push(from + at);
  }
  return starts;
}

/** True when only blanks stand between the line's start and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The start of the line after `prev`'s line, or the keyword itself when both stand on one line. */
function splitBefore(text: string, prev: IToken, keyword: IToken): number {
  const prevEnd = prev.startOffset + prev.image.length;
  for (let i = prevEnd; i < keyword.startOffset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return keyword.startOffset;
}

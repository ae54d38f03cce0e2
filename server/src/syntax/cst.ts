import type { IToken } from 'chevrotain';
import type { Span } from '../text/span';

/** Readers of token text shared by the parser and the editor features. */

export function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** Decodes a quoted string token: \" \\ \n \t \r are escapes; any other backslash stays as written. */
export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length > 1 ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(["\\ntr])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

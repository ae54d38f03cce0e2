import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { tokenLabel } from 'chevrotain';
import { KEYWORDS } from './tokens';

/** Syntax error messages in the user's words: what was expected, what was found. */

/**
 * What the parser found, for the message. The text of a string, or of a long name, is never quoted: a
 * misplaced credential (`token = "…" "…"`) must not be copied into an error that CI logs print.
 */
function found(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'the end of the file';
  if (token.tokenType.name === 'StringLiteral') return 'a quoted string';
  if (token.image.length > 24) return 'a name';
  return `'${token.image}'`;
}

function describe(t: TokenType): string {
  switch (t.name) {
    case 'Name':
    case 'Identifier':
      return 'a name';
    case 'EOF':
      return "'connector' (only connector blocks stand at the top level)";
    case 'StringLiteral':
      return 'a quoted string';
    case 'Integer':
      return 'a number';
    default:
      return KEYWORDS.includes(t) ? `'${t.name.toLowerCase()}'` : tokenLabel(t);
  }
}

function oneOf(paths: TokenType[][]): string {
  const names = [...new Set(paths.map((p) => describe(p[0])))];
  if (names.length <= 1) return names[0] ?? 'something else';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${describe(expected)}, found ${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${found(firstRedundant)}: only 'connector' blocks may stand at the top level`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    return `expected ${oneOf(expectedPathsPerAlt.flat())}, found ${found(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    return `expected ${oneOf(expectedIterationPaths)}, found ${found(actual[0])}`;
  },
};

import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of the `.usersync` language. Newlines are insignificant: items are separated by
 * their leading keyword or `name =`, so `{ a = "x"  b = "y" }` on one line is fine.
 * Keywords belong to the `Name` category so that `profile.login` or a setting named `user`
 * still reads as a name where a name is expected.
 */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [Name] });

function keyword(word: string): TokenType {
  return createToken({
    name: word[0].toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Name],
  });
}

export const Connector = keyword('connector');
export const Source = keyword('source');
export const Target = keyword('target');
export const Match = keyword('match');
export const Schedule = keyword('schedule');
export const Map = keyword('map');
export const User = keyword('user');

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\.)*"/ });
/** A string that reaches the end of the line: its own token so the error names it precisely. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*/ });
export const Integer = createToken({ name: 'Integer', pattern: /[0-9]+/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/, label: "'}'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, label: "']'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});

export const KEYWORDS = [Connector, Source, Target, Match, Schedule, Map, User];

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  ...KEYWORDS,
  Identifier,
  Name,
  Integer,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Equals,
  Comma,
  Dot,
];

/**
 * One lexer for the process. `ensureOptimizations` makes Chevrotain fail loudly if a token defeats its
 * first-char optimization. Tokens carry their start (offset, line, column) only: a token's end is its
 * start plus its image's length, and the parser needs only the start line (keywords as member names).
 */
export const lexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyStart' });

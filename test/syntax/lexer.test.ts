import { strict as assert } from 'assert';
import { lexer } from '../../server/src/syntax/tokens';

describe('lexer', () => {
  it('runs in Chevrotain’s optimized mode (first-character dispatch)', () => {
    const modes = (lexer as unknown as { canModeBeOptimized: Record<string, boolean> }).canModeBeOptimized;
    assert.ok(Object.keys(modes).length > 0);
    for (const [mode, optimized] of Object.entries(modes)) assert.equal(optimized, true, `mode ${mode}`);
  });

  it('reads keywords as keywords and longer words as names', () => {
    const names = lexer.tokenize('connector connectors map mapping user users').tokens.map((t) => t.tokenType.name);
    assert.deepEqual(names, ['Connector', 'Identifier', 'Map', 'Identifier', 'User', 'Identifier']);
  });

  it('keeps comments in their own group and skips whitespace', () => {
    const r = lexer.tokenize('# a\nmap # b\n');
    assert.deepEqual(
      r.tokens.map((t) => t.image),
      ['map'],
    );
    assert.deepEqual(
      (r.groups.comments ?? []).map((t) => t.image),
      ['# a', '# b'],
    );
  });

  it('reads a string with escapes as one token and an unclosed one as UnterminatedString', () => {
    assert.deepEqual(
      lexer.tokenize('"a \\" b"').tokens.map((t) => t.tokenType.name),
      ['StringLiteral'],
    );
    assert.deepEqual(
      lexer.tokenize('"abc\n').tokens.map((t) => t.tokenType.name),
      ['UnterminatedString'],
    );
  });
});

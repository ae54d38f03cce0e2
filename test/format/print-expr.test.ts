import { strict as assert } from 'assert';
import { printExpr, quoteString } from '../../server/src/format/print-expr';
import { parseExpression } from '../../server/src/syntax/parse-usersync';

function roundTrip(source: string, form: 'usersync' | 'yaml' = 'usersync'): string {
  const { expr, errors } = parseExpression(source, 0);
  assert.deepEqual(errors, []);
  return printExpr(expr, form);
}

describe('printExpr', () => {
  it('prints paths, indexes, selectors, calls and strings in the canonical spacing', () => {
    assert.equal(roundTrip('a . b [ 0 ] . c'), 'a.b[0].c');
    assert.equal(roundTrip('organizations[ primary = true ].title'), 'organizations[primary=true].title');
    assert.equal(roundTrip('phones[type="work phone"].value'), 'phones[type="work phone"].value');
    assert.equal(roundTrip('x[n=007]'), 'x[n=007]');
    assert.equal(roundTrip('join( ", " ,a,b )'), 'join(", ", a, b)');
    assert.equal(roundTrip('first()'), 'first()');
  });

  it('escapes quote, backslash, newline, carriage return and tab in strings', () => {
    assert.equal(quoteString('say "hi"\\\n\r\t'), '"say \\"hi\\"\\\\\\n\\r\\t"');
    assert.equal(roundTrip('"a\\qb"'), '"a\\\\qb"', 'an unknown escape is a backslash and a letter');
  });

  it('prints the YAML form as a scalar that holds the expression', () => {
    assert.equal(roundTrip('lower(mail)', 'yaml'), 'lower(mail)');
    assert.equal(roundTrip('"Contoso Ltd."', 'yaml'), `'"Contoso Ltd."'`);
    assert.equal(roundTrip('join(": ", a)', 'yaml'), `'join(": ", a)'`);
  });

  it('prints a missing expression as nothing', () => {
    assert.equal(printExpr({ kind: 'missing', span: { start: 0, end: 0 } }), '');
  });
});

import { strict as assert } from 'assert';
import { expectClean, expectDiagnostic, expectFixResolves, unmark, usersync } from './fixture';

const withUsers = (...users: string[]) =>
  usersync({ lines: ['map property "A" = mail', ...users.map((u) => `user ${u}`)] });

describe('checks: pinned users', () => {
  it('accepts distinct logins', () => {
    expectClean(withUsers('"alice@contoso.com"', '"bob@contoso.com"'));
  });

  it('reports an empty login', () => {
    expectDiagnostic(withUsers('⟦""⟧'), 'empty-user');
    expectDiagnostic(withUsers('⟦"  "⟧'), 'empty-user');
  });

  it('reports a login listed twice, whatever its case, and removes the line', () => {
    const source = withUsers('"alice@contoso.com"', '⟦"Alice@Contoso.com"⟧');
    const d = expectDiagnostic(source, 'duplicate-user');
    assert.equal(d.severity, 'warning');
    assert.equal(d.related?.[0].span.start, unmark(source).text.indexOf('"alice@'));
    const fixed = expectFixResolves(source, 'duplicate-user', 'Remove this user line');
    assert.ok(!fixed.includes('Alice@'));
    assert.match(fixed, /user "alice@contoso\.com"\n\}/);
  });
});

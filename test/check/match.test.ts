import { strict as assert } from 'assert';
import { GOOGLE, expectClean, expectDiagnostic, expectFixResolves, expectNo, usersync } from './fixture';

describe('checks: match', () => {
  it('matches on username only', () => {
    expectClean(
      expectFixResolves(usersync({ match: 'match ⟦email⟧ = mail' }), 'invalid-match-field', "Change to 'username'"),
    );
  });

  it('needs one string per user: a multi-valued attribute without index is an error', () => {
    const d = expectDiagnostic(usersync({ match: 'match username = ⟦otherMails⟧' }), 'match-multi-value');
    assert.equal(d.severity, 'error');
    expectNo(usersync({ match: 'match username = otherMails' }), 'multi-value-without-index');
    expectClean(
      expectFixResolves(usersync({ match: 'match username = lower(⟦otherMails⟧)' }), 'match-multi-value', 'Add [0]'),
    );
    expectFixResolves(
      usersync({
        source: GOOGLE,
        match: 'match username = ⟦emails⟧.address',
        lines: ['map property "A" = primaryEmail'],
      }),
      'match-multi-value',
      'Add [primary=true]',
    );
  });

  it('rejects a constant: every user would get the same username', () => {
    expectDiagnostic(usersync({ match: 'match username = ⟦"admin"⟧' }), 'constant-match');
    expectDiagnostic(usersync({ match: 'match username = ⟦lower("ADMIN")⟧' }), 'constant-match');
    expectNo(usersync({ match: 'match username = first(mail, "fallback")' }), 'constant-match');
  });

  it('reports a match without expression once (as a syntax error when the parser saw it)', () => {
    const text = usersync({ match: 'match username =' });
    expectNo(text, 'missing-value');
    expectNo(text, 'constant-match');
  });
});

import { strict as assert } from 'assert';
import { expectClean, expectDiagnostic, expectDiagnostics, expectFixResolves, usersync } from './fixture';

const mapping = (expr: string) => usersync({ lines: [`map property "A" = ${expr}`] });

describe('checks: functions', () => {
  it('reports an unknown function at its name with a did-you-mean fix', () => {
    const d = expectDiagnostic(mapping('⟦lowr⟧(mail)'), 'unknown-function');
    assert.match(d.message, /did you mean 'lower'\?/);
    expectClean(expectFixResolves(mapping('⟦lowr⟧(mail)'), 'unknown-function', "Change to 'lower'"));
  });

  it('lists the functions when nothing is close', () => {
    assert.match(
      expectDiagnostic(mapping('⟦capitalize⟧(mail)'), 'unknown-function').message,
      /the functions are first, join, lower/,
    );
  });

  it('reports too few arguments at the name and too many at the extra ones', () => {
    assert.match(
      expectDiagnostic(mapping('⟦replace⟧(mail, "a")'), 'argument-count').message,
      /takes 3 arguments; found 2/,
    );
    assert.match(
      expectDiagnostic(mapping('lower(mail, ⟦mail, mail⟧)'), 'argument-count').message,
      /takes 1 argument; found 3/,
    );
    assert.match(expectDiagnostic(mapping('⟦first⟧()'), 'argument-count').message, /at least 1 argument; found 0/);
    expectClean(mapping('first(mobilePhone, businessPhones[0], "n/a")'));
  });

  it("runs each function's own argument checks", () => {
    assert.match(
      expectDiagnostic(mapping('replace(mail, ⟦"[a-"⟧, "")'), 'invalid-argument').message,
      /does not compile/,
    );
    expectDiagnostics(mapping('substring(mail, ⟦"x"⟧, ⟦department⟧)'), 'invalid-argument');
  });

  it('checks calls nested in calls and in match', () => {
    expectDiagnostics(
      usersync({ match: 'match username = ⟦lowercase⟧(mail)', lines: ['map property "A" = trim(⟦uper⟧(mail))'] }),
      'unknown-function',
    );
  });
});

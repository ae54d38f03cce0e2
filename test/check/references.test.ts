import { strict as assert } from 'assert';
import { expectClean, expectDiagnostic, expectDiagnostics, expectFixResolves, usersync } from './fixture';

const withToken = (value: string) => usersync({ target: `target jira { url = "https://j.x.com" token = ${value} }` });

describe('checks: env, secret and file references', () => {
  it('takes exactly one string', () => {
    expectDiagnostic(withToken('⟦env()⟧'), 'reference-arguments');
    expectDiagnostic(withToken('env("A", ⟦"B"⟧)'), 'reference-arguments');
    expectDiagnostic(withToken('secret(⟦""⟧)'), 'reference-arguments');
    const fixed = expectFixResolves(withToken('env(⟦JIRA_TOKEN⟧)'), 'reference-arguments', 'Put it in quotes');
    expectClean(fixed);
  });

  it('wants environment variable names in capitals, digits and underscores', () => {
    const fixed = expectFixResolves(withToken('env(⟦"jira-token"⟧)'), 'invalid-env-name', "Change to 'JIRA_TOKEN'");
    expectClean(fixed);
    expectDiagnostic(withToken('env(⟦"1TOKEN"⟧)'), 'invalid-env-name');
    expectClean(withToken('env("_JIRA_TOKEN_2")'));
  });

  it('belongs only in source and target settings', () => {
    const d = expectDiagnostics(
      usersync({
        match: 'match username = ⟦env⟧("USER")',
        lines: ['map property "A" = first(mail, ⟦secret⟧("x"))', 'on_empty = ⟦file⟧("x")'],
      }),
      'misplaced-reference',
    );
    assert.equal(d.length, 3);
    assert.match(d[1].message, /mappings read IdP attributes/);
  });
});

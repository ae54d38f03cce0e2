import { strict as assert } from 'assert';
import { expectClean, expectDiagnostic, expectFixResolves, usersync } from './fixture';

const withOptions = (...options: string[]) => usersync({ lines: [...options, 'map property "A" = mail'] });

describe('checks: connector options', () => {
  it('accepts on_empty keep|clear, bare or quoted, and clear_guard percentages', () => {
    expectClean(withOptions('on_empty = keep', 'clear_guard = "10%"'));
    expectClean(withOptions('on_empty = "clear"', 'clear_guard = "100%"'));
    expectClean(withOptions('clear_guard = "2.5%"'));
  });

  it('reports an on_empty value other than keep or clear', () => {
    const d = expectDiagnostic(withOptions('on_empty = ⟦kep⟧'), 'invalid-enum-value');
    assert.equal(d.message, "on_empty is 'keep' or 'clear', not 'kep'");
    expectClean(expectFixResolves(withOptions('on_empty = ⟦kep⟧'), 'invalid-enum-value', "Change to 'keep'"));
    assert.deepEqual(
      expectDiagnostic(withOptions('on_empty = ⟦remove⟧'), 'invalid-enum-value').fixes?.map((f) => f.title),
      ["Change to 'keep'", "Change to 'clear'"],
    );
  });

  it('reports clear_guard outside "0%".."100%" and turns a share into a percentage', () => {
    expectDiagnostic(withOptions('clear_guard = ⟦"150%"⟧'), 'invalid-clear-guard');
    expectDiagnostic(withOptions('clear_guard = ⟦"ten"⟧'), 'invalid-clear-guard');
    const fixed = expectFixResolves(withOptions('clear_guard = ⟦"0.25"⟧'), 'invalid-clear-guard', 'Change to "25%"');
    assert.match(fixed, /clear_guard = "25%"/);
  });

  it('reports an unknown option with a did-you-mean fix', () => {
    expectClean(expectFixResolves(withOptions('⟦on_emtpy⟧ = keep'), 'unknown-option', "Change to 'on_empty'"));
  });

  it('says when a block setting stands at connector level', () => {
    const d = expectDiagnostic(withOptions('⟦token⟧ = env("JIRA_TOKEN")'), 'unknown-option');
    assert.equal(d.message, 'token is a setting of target jira: move it into that block');
  });

  it('reports an option set twice, pointing at the first', () => {
    const d = expectDiagnostic(withOptions('on_empty = keep', '⟦on_empty⟧ = clear'), 'duplicate-option');
    assert.equal(d.related?.length, 1);
    expectClean(
      expectFixResolves(
        withOptions('on_empty = keep', '⟦on_empty⟧ = clear'),
        'duplicate-option',
        'Remove this on_empty',
      ),
    );
  });
});

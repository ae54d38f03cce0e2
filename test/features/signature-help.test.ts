import { strict as assert } from 'assert';
import { signatureHelp } from '../../server/src/features/signature-help';
import { head, marked } from './marked';

function help(expr: string) {
  const { doc, offset } = marked(head('azure', 'jira') + `  map property "X" = ${expr}\n}\n`);
  return signatureHelp(doc, offset);
}

describe('signature help', () => {
  it('names the call and its first parameter right after the parenthesis', () => {
    const h = help('replace(|');
    assert.equal(h?.label, 'replace(value, pattern, replacement)');
    assert.equal(h?.activeParameter, 0);
    assert.deepEqual(
      h?.parameters.map((p) => p.label),
      ['value', 'pattern', 'replacement'],
    );
  });

  it('moves the active parameter with each comma at the call level', () => {
    assert.equal(help('replace(mail, "x|')?.activeParameter, 1);
    assert.equal(help('replace(mail, ",", |')?.activeParameter, 2);
    assert.equal(help('substring(mail, "0", |')?.activeParameter, 2);
  });

  it('stays on the variadic parameter past the last one', () => {
    const h = help('join(", ", givenName, surname, |');
    assert.equal(h?.label, 'join(separator, value...)');
    assert.equal(h?.activeParameter, 1);
  });

  it('answers for the innermost open call', () => {
    const h = help('lower(first(mail, |');
    assert.equal(h?.label, 'first(value...)');
    assert.equal(help('lower(first(mail, upn), |')?.label, 'lower(value)');
  });

  it('answers nothing outside a call or for an unknown function', () => {
    assert.equal(help('lower(mail) |'), undefined);
    assert.equal(help('nosuch(|'), undefined);
  });
});

describe('signature help in the YAML form', () => {
  it('reads the call inside a map value', () => {
    const { doc, offset } = marked(
      'connectors:\n  c:\n    source:\n      type: azure\n    map:\n      property:\n        Name: join(", ", givenName, |\n',
      'file:///c.usersync.yaml',
    );
    const h = signatureHelp(doc, offset);
    assert.equal(h?.label, 'join(separator, value...)');
    assert.equal(h?.activeParameter, 1);
  });
});

import { strict as assert } from 'assert';
import {
  AZURE,
  JIRA,
  expectClean,
  expectDiagnostic,
  expectFixResolves,
  expectDiagnostics,
  expectNo,
  usersync,
  unmark,
  diagnose,
} from './fixture';
import { checkDocument } from '../../server/src/check';
import { parseDocument } from '../../server/src/parse';

describe('checks: connectors', () => {
  it('accepts a complete connector', () => {
    expectClean(usersync());
  });

  it('reports a file of only comments at its first line, as an error: run refuses such a file', () => {
    const d = expectDiagnostic('⟦# connectors come later⟧\n# and more notes\n', 'no-connector');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /declares no connector: add `connector <name> \{ … \}`/);
  });

  it('reports an empty file at its start, and the YAML form with nothing under connectors:', () => {
    assert.deepEqual(
      diagnose('').map((d) => [d.code, d.span.start, d.span.end]),
      [['no-connector', 0, 0]],
    );
    const { document, errors } = parseDocument('connectors: {}\n', 'file:///c.usersync.yaml');
    const yaml = checkDocument(document, errors);
    assert.deepEqual(
      yaml.map((d) => d.code),
      ['no-connector'],
    );
    assert.match(yaml[0].message, /add one under `connectors:`/);
  });

  it('says nothing of a missing connector over syntax errors, which say why nothing was read', () => {
    expectNo('conector hr {\n', 'no-connector');
  });

  it('reports a connector without a name at the keyword', () => {
    expectDiagnostic(
      '⟦connector⟧ {\n  ' + AZURE + '\n  ' + JIRA + '\n  match username = mail\n  map property "A" = mail\n}\n',
      'missing-connector-name',
    );
  });

  it('reports a second connector of the same name, pointing at the first', () => {
    const source = usersync({ name: 'hr' }) + usersync({ name: '⟦hr⟧' });
    const d = expectDiagnostic(source, 'duplicate-connector');
    const { text } = unmark(source);
    assert.equal(d.related?.length, 1);
    assert.equal(d.related?.[0].span.start, text.indexOf('hr'));
    assert.equal(d.severity, 'error');
  });

  it('reports a missing source at the connector name and offers each source type', () => {
    const fixed = expectFixResolves(usersync({ name: '⟦hr⟧', source: '' }), 'missing-source', 'Add source okta');
    assert.match(
      fixed,
      /connector hr \{\n {2}source okta \{\n {4}org_url = "https:\/\/contoso\.okta\.com"\n {4}token = env\("OKTA_API_TOKEN"\)\n {2}\}\n {2}target jira/,
    );
    expectClean(fixed.replace('lower(userPrincipalName)', 'profile.login').replace('department', 'profile.department'));
  });

  it('reports a missing target and inserts it after the source', () => {
    const fixed = expectFixResolves(usersync({ name: '⟦hr⟧', target: '' }), 'missing-target', 'Add target confluence');
    assert.ok(fixed.indexOf('target confluence') > fixed.indexOf('source azure'));
    assert.ok(fixed.indexOf('target confluence') < fixed.indexOf('match username'));
  });

  it('reports a missing match and inserts the usual one for the source type', () => {
    const fixed = expectFixResolves(
      usersync({ name: '⟦hr⟧', match: '' }),
      'missing-match',
      "Add 'match username = lower(userPrincipalName)'",
    );
    expectClean(fixed);
  });

  it('fills an empty connector between its braces', () => {
    const fixed = expectFixResolves('connector ⟦x⟧ {}\n', 'missing-source', 'Add source google');
    assert.equal(fixed.split('\n')[0], 'connector x {');
    assert.match(fixed, /\n\}\n$/);
  });

  it('reports second source, target, match and schedule, each pointing at the one that counts', () => {
    const source = usersync({
      lines: ['source ⟦okta⟧ { org_url = "https://x.okta.com" token = env("T") }', 'map property "A" = mail'],
    });
    const d = expectDiagnostic(source, 'duplicate-source');
    assert.match(d.related?.[0].message ?? '', /counts/);
    expectDiagnostic(
      usersync({ lines: ['target ⟦confluence⟧ { url = "https://w.x" token = env("T") }', 'map property "A" = mail'] }),
      'duplicate-target',
    );
    expectDiagnostic(usersync({ lines: ['match ⟦username⟧ = mail', 'map property "A" = mail'] }), 'duplicate-match');
    expectFixResolves(
      usersync({ lines: ['schedule "0 * * * *"', 'schedule ⟦"5 * * * *"⟧', 'map property "A" = mail'] }),
      'duplicate-schedule',
      'Remove this schedule',
    );
  });

  it('warns about a connector that maps nothing', () => {
    const d = expectDiagnostic(usersync({ name: '⟦quiet⟧', lines: [] }), 'no-mappings');
    assert.equal(d.severity, 'warning');
  });

  it('checks each connector of a file on its own', () => {
    const source =
      usersync({ name: 'one', source: 'source ⟦azur⟧ { }' }) + usersync({ name: 'two', source: 'source ⟦gogle⟧ { }' });
    expectDiagnostics(source, 'unknown-source-type');
  });

  it('keeps going on half-written connectors without throwing', () => {
    for (const text of [
      'connector',
      'connector a {',
      'connector a { source',
      'connector a { map property "x" = ',
      'connector a { match username = lower(',
    ]) {
      const ds = diagnose(text);
      assert.ok(
        ds.some((d) => d.severity === 'error'),
        text,
      );
      for (const d of ds)
        assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, `${text}: ${d.code}`);
    }
  });
});

import { strict as assert } from 'assert';
import { CONFLUENCE, JIRA, OKTA, expectDiagnostic, expectDiagnostics, expectNo, unmark, usersync } from './fixture';

const jiraAt = (url: string, extra = '') =>
  `target jira {\n    url   = ${url}\n    token = secret("jira-pat")${extra ? `\n    ${extra}` : ''}\n  }`;

/** An Okta connector that writes `key` (marked or not) to `target`. */
const okta = (name: string, target: string, line = 'map property "Department" = profile.department') =>
  usersync({ name, source: OKTA, target, match: 'match username = lower(profile.login)', lines: [line] });

describe('checks: a key two connectors write to one target', () => {
  it('is information at the second map line, pointing at the first', () => {
    const source =
      usersync({ name: 'employees' }) + okta('contractors', JIRA, 'map property ⟦"Department"⟧ = profile.department');
    const d = expectDiagnostic(source, 'shared-target-key');
    const { text } = unmark(source);
    assert.equal(d.severity, 'information');
    assert.equal(
      d.message,
      "connector 'employees' writes property 'Department' to this jira too; where both connectors read the same people, each run undoes the other's",
    );
    assert.deepEqual(d.related?.[0].span.start, text.indexOf('"Department"'));
    assert.equal(d.related?.[0].message, "connector 'employees' writes it here");
  });

  it('counts a url written with another case or a trailing slash, and one env() name, as one target', () => {
    expectDiagnostic(
      usersync({ name: 'a' }) +
        okta('b', jiraAt('"HTTPS://jira.contoso.com/"'), 'map property ⟦"Department"⟧ = profile.department'),
      'shared-target-key',
    );
    expectDiagnostic(
      usersync({ name: 'a', target: jiraAt('env("JIRA_URL")') }) +
        okta('b', jiraAt('env("JIRA_URL")'), 'map property ⟦"Department"⟧ = profile.department'),
      'shared-target-key',
    );
  });

  it('says nothing of other targets, other stores, other products, or urls it cannot read', () => {
    const a = usersync({ name: 'a' });
    for (const other of [
      jiraAt('"https://jira2.contoso.com"'),
      jiraAt('"https://jira.contoso.com"', 'store = entity'),
      jiraAt('env("OTHER_JIRA_URL")'),
      'target confluence {\n    url   = "https://jira.contoso.com"\n    token = secret("wiki-pat")\n  }',
    ])
      expectNo(a + okta('b', other), 'shared-target-key');
    expectNo(
      usersync({ name: 'a', target: jiraAt('secret("jira-url")') }) + okta('b', jiraAt('secret("jira-url")')),
      'shared-target-key',
    );
    expectNo(usersync({ name: 'a' }) + okta('b', JIRA, 'map property "Title" = profile.title'), 'shared-target-key');
  });

  it('names a Confluence profile field, and reports every later connector once per key', () => {
    const line = (marked: boolean) => `map profile ${marked ? '⟦department⟧' : 'department'} = profile.department`;
    const source =
      okta('a', CONFLUENCE, line(false)) + okta('b', CONFLUENCE, line(true)) + okta('c', CONFLUENCE, line(true));
    const [first, second] = expectDiagnostics(source, 'shared-target-key');
    assert.match(first.message, /^connector 'a' writes profile field department to this confluence too;/);
    assert.match(second.message, /^connector 'a' writes/, 'the first writer is the one named');
  });
});

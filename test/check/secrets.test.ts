import { strict as assert } from 'assert';
import { checkDocument } from '../../server/src/check';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import {
  applyFix,
  expectClean,
  expectDiagnostic,
  expectFixResolves,
  expectNo,
  fixTitled,
  unmark,
  usersync,
} from './fixture';

describe('checks: literal secrets', () => {
  it('warns about a client secret written into the file and moves it to env("AZURE_CLIENT_SECRET")', () => {
    const source = usersync({
      source: 'source azure {\n    tenant = "t"\n    client_id = "c"\n    client_secret = ⟦"p@ssw0rd"⟧\n  }',
    });
    const d = expectDiagnostic(source, 'literal-secret');
    assert.equal(d.severity, 'warning');
    assert.ok(!d.message.includes('p@ssw0rd'), 'the message never repeats the secret');
    const fixed = expectFixResolves(source, 'literal-secret', 'Change to env("AZURE_CLIENT_SECRET")');
    assert.match(fixed, /client_secret = env\("AZURE_CLIENT_SECRET"\)/);
    expectClean(fixed);
  });

  it('names the variable after the connector type and key', () => {
    const okta = usersync({
      source: 'source okta { org_url = "https://x.okta.com" token = ⟦"00abc"⟧ }',
      match: 'match username = profile.login',
      lines: ['map property "A" = profile.title'],
    });
    fixTitled(expectDiagnostic(okta, 'literal-secret'), 'Change to env("OKTA_API_TOKEN")');
    const jira = usersync({ target: 'target jira { url = "https://j.x.com" token = ⟦"NjE2"⟧ }' });
    fixTitled(expectDiagnostic(jira, 'literal-secret'), 'Change to env("JIRA_TOKEN")');
    const conf = usersync({
      target: 'target confluence { url = "https://w.x.com" token = ⟦"NjE2"⟧ }',
      lines: ['map profile department = department'],
    });
    fixTitled(expectDiagnostic(conf, 'literal-secret'), 'Change to env("CONFLUENCE_TOKEN")');
  });

  it('treats an inline key file as a secret, and a path as a missing file(…)', () => {
    const google = (value: string) =>
      usersync({
        source: `source google { service_account_key = ${value} admin_email = "a@contoso.com" }`,
        match: 'match username = primaryEmail',
        lines: ['map property "A" = primaryEmail'],
      });
    fixTitled(
      expectDiagnostic(google('⟦"{\\"type\\": \\"service_account\\"}"⟧'), 'literal-secret'),
      'Change to env("GOOGLE_SERVICE_ACCOUNT_KEY")',
    );
    expectNo(unmark(google('"keys/sa.json"')).text, 'literal-secret');
  });

  it('accepts env(…), secret(…) and file(…)', () => {
    expectNo(usersync(), 'literal-secret');
    expectNo(
      usersync({
        source: 'source okta { org_url = "https://x.okta.com" client_id = "c" private_key = file("k.pem") }',
        match: 'match username = profile.login',
      }),
      'literal-secret',
    );
  });

  it('writes the fix as a YAML flow map in the YAML form', () => {
    const { text } = unmark(usersync({ target: 'target jira { url = "https://j.x.com" token = "NjE2" }' }));
    const { document, errors } = parseUsersync(text, 'x.usersync');
    const d = checkDocument({ ...document, form: 'yaml' }, errors).find((x) => x.code === 'literal-secret');
    assert.ok(d);
    assert.match(applyFix(text, d.fixes?.[0] ?? { title: '', edits: [] }), /token = \{ env: JIRA_TOKEN \}/);
  });
});

import { strict as assert } from 'assert';
import { BLOCK_SPECS } from '../../server/src/model/settings';
import { blockSkeleton } from '../../server/src/check/connectors';
import {
  CONFLUENCE,
  GOOGLE,
  OKTA,
  applyFix,
  diagnose,
  expectClean,
  expectDiagnostic,
  expectDiagnostics,
  expectFixResolves,
  expectNo,
  fixTitled,
  unmark,
  usersync,
} from './fixture';

const azure = (...settings: string[]) => `source azure {\n    ${settings.join('\n    ')}\n  }`;
const AZURE_OK = ['tenant = "contoso.onmicrosoft.com"', 'client_id = "c"', 'client_secret = env("S")'];
const jira = (...settings: string[]) => `target jira {\n    ${settings.join('\n    ')}\n  }`;

describe('checks: source and target blocks', () => {
  describe('types', () => {
    it('reports an unknown source type at the type name, with a did-you-mean fix', () => {
      const fixed = expectFixResolves(
        usersync({ source: 'source ⟦azzure⟧ {\n    ' + AZURE_OK.join('\n    ') + '\n  }' }),
        'unknown-source-type',
        "Change to 'azure'",
      );
      expectClean(fixed);
    });

    it('reports an unknown target type', () => {
      const d = expectDiagnostic(
        usersync({ target: 'target ⟦jora⟧ { url = "https://j.x" token = env("T") }' }),
        'unknown-target-type',
      );
      assert.match(d.message, /did you mean 'jira'\?/);
    });

    it('says when a target is written as a source, and swaps the role', () => {
      const source = usersync({
        source: `source ⟦confluence⟧ { url = "https://w.x" token = env("T") }`,
        target: `target ⟦okta⟧ { org_url = "https://x.okta.com" token = env("T") }`,
      });
      const [asSource] = expectDiagnostics(source.replace(/target ⟦okta⟧/, 'target okta'), 'unknown-source-type');
      assert.match(asSource.message, /confluence is a target, not a source/);
      const fixed = applyFix(unmark(source).text, fixTitled(asSource, "Change to 'target confluence'"));
      assert.match(fixed, /target confluence \{ url/);
    });

    it('checks nothing inside a block of unknown type', () => {
      expectNo(usersync({ source: 'source ldap { host = "x" }' }), 'unknown-setting');
    });
  });

  describe('settings', () => {
    it('reports an unknown setting at its key with a did-you-mean fix', () => {
      const fixed = expectFixResolves(
        usersync({ source: azure(...AZURE_OK, '⟦filtre⟧ = "accountEnabled eq true"') }),
        'unknown-setting',
        "Change to 'filter'",
      );
      expectClean(fixed);
    });

    it('names the block a setting belongs to', () => {
      const d = expectDiagnostic(
        usersync({ source: azure(...AZURE_OK, '⟦org_url⟧ = "https://x.okta.com"') }),
        'unknown-setting',
      );
      assert.equal(d.message, "source azure has no setting 'org_url'; org_url is a setting of source okta");
    });

    it('reports the second of two equal settings, pointing at the first, and removes it', () => {
      const source = usersync({ source: azure(...AZURE_OK, '⟦tenant⟧ = "other"') });
      const d = expectDiagnostic(source, 'duplicate-setting');
      const { text } = unmark(source);
      assert.deepEqual(
        d.related?.map((r) => text.slice(r.span.start, r.span.end)),
        ['tenant'],
      );
      assert.equal(d.related?.[0].span.start, text.indexOf('tenant'));
      const fixed = expectFixResolves(source, 'duplicate-setting', 'Remove this tenant');
      assert.ok(!fixed.includes('"other"'));
      expectClean(fixed);
    });

    it('reports missing required settings at the type and inserts placeholders', () => {
      const source = usersync({ source: 'source ⟦azure⟧ {\n    client_id = "c"\n  }' });
      const d = expectDiagnostic(source, 'missing-setting');
      assert.equal(d.message, 'source azure needs tenant and client_secret or certificate');
      const fixed = expectFixResolves(source, 'missing-setting', 'Add tenant and client_secret');
      assert.match(
        fixed,
        /\n {4}client_id = "c"\n {4}tenant = "contoso\.onmicrosoft\.com"\n {4}client_secret = env\("AZURE_CLIENT_SECRET"\)\n {2}\}/,
      );
      expectClean(fixed);
    });

    it('inserts into a one-line block and into an empty block', () => {
      const oneLine = expectFixResolves(
        usersync({ target: 'target ⟦jira⟧ { url = "https://jira.x.com" }' }),
        'missing-setting',
        'Add token',
      );
      assert.match(oneLine, /target jira \{ url = "https:\/\/jira\.x\.com"  token = env\("JIRA_TOKEN"\) \}/);
      const empty = expectFixResolves(
        usersync({
          source: 'source ⟦okta⟧ {}',
          match: 'match username = profile.login',
          lines: ['map property "A" = profile.title'],
        }),
        'missing-setting',
        'Add org_url and token',
      );
      expectClean(empty);
    });

    it('completes the way of signing in that was started (Okta client_id needs private_key)', () => {
      const source = usersync({
        source: 'source ⟦okta⟧ {\n    org_url = "https://x.okta.com"\n    client_id = "0oa1"\n  }',
        match: 'match username = profile.login',
        lines: ['map property "A" = profile.title'],
      });
      assert.equal(expectDiagnostic(source, 'missing-setting').message, 'source okta needs private_key');
      expectClean(expectFixResolves(source, 'missing-setting', 'Add private_key'));
    });

    it('reports settings of two ways of signing in', () => {
      const d = expectDiagnostic(
        usersync({ source: azure(...AZURE_OK, '⟦certificate⟧ = file("c.pem")') }),
        'conflicting-settings',
      );
      assert.match(d.message, /client_secret or certificate, not both/);
      assert.equal(d.related?.length, 1);
      expectDiagnostic(
        usersync({
          source: GOOGLE.replace(
            'admin_email',
            'customer = "my_customer"\n    ⟦domain⟧ = "contoso.com"\n    admin_email',
          ),
          match: 'match username = primaryEmail',
          lines: ['map property "A" = primaryEmail'],
        }),
        'conflicting-settings',
      );
    });

    it('needs no optional setting: every spec skeleton is a clean block', () => {
      for (const spec of BLOCK_SPECS) {
        const block = blockSkeleton(spec).replace(/\n/g, '\n  ');
        const parts =
          spec.role === 'source'
            ? { source: block, match: 'match username = primaryEmail', lines: [] }
            : { target: block, lines: [] };
        const text = usersync(parts);
        const ds = diagnose(text).filter(
          (d) => d.code !== 'no-mappings' && d.code !== 'unknown-attribute' && d.code !== 'attribute-of-other-idp',
        );
        assert.deepEqual(ds, [], `${spec.role} ${spec.type}:\n${text}`);
      }
    });
  });

  describe('values', () => {
    it('reports a word outside an enum with a fix', () => {
      const fixed = expectFixResolves(
        usersync({ target: jira('url = "https://j.x.com"', 'token = env("T")', 'store = ⟦entities⟧') }),
        'invalid-enum-value',
        "Change to 'entity'",
      );
      expectClean(fixed);
      expectClean(usersync({ target: jira('url = "https://j.x.com"', 'token = env("T")', 'store = "properties"') }));
    });

    it('reports a URL setting that is not an http(s) URL, and adds https:// to a bare host', () => {
      const fixed = expectFixResolves(
        usersync({ target: jira('url = ⟦"jira.contoso.com"⟧', 'token = env("T")') }),
        'invalid-url',
        "Change to 'https://jira.contoso.com'",
      );
      assert.match(fixed, /url = "https:\/\/jira\.contoso\.com"/);
      expectDiagnostic(
        usersync({ target: jira('url = ⟦"ftp://jira.contoso.com"⟧', 'token = env("T")') }),
        'invalid-url',
      );
    });

    it('warns about http:// except to this machine', () => {
      const d = expectDiagnostic(
        usersync({ target: jira('url = ⟦"http://jira.contoso.com"⟧', 'token = env("T")') }),
        'insecure-url',
      );
      assert.equal(d.severity, 'warning');
      expectClean(usersync({ target: jira('url = "http://127.0.0.1:8080"', 'token = env("T")') }));
      expectFixResolves(
        usersync({ target: jira('url = ⟦"http://jira.contoso.com"⟧', 'token = env("T")') }),
        'insecure-url',
        'Change to https://',
      );
    });

    it('wants file("…") for a certificate written as a path', () => {
      const source = usersync({ source: azure('tenant = "t"', 'client_id = "c"', 'certificate = ⟦"certs/app.pem"⟧') });
      const fixed = expectFixResolves(source, 'expected-file', 'Change to file("certs/app.pem")');
      expectClean(fixed);
    });

    it('wants a quoted string where an attribute path was written, and quotes it', () => {
      const fixed = expectFixResolves(
        usersync({ source: azure('tenant = ⟦contoso⟧', 'client_id = "c"', 'client_secret = env("S")') }),
        'expected-string',
        'Put it in quotes',
      );
      expectClean(fixed);
      expectDiagnostic(
        usersync({ source: azure('tenant = ⟦lower⟧("X")', 'client_id = "c"', 'client_secret = env("S")') }),
        'expected-string',
      );
    });

    it('reports an empty string value', () => {
      expectDiagnostic(
        usersync({ source: azure('tenant = ⟦""⟧', 'client_id = "c"', 'client_secret = env("S")') }),
        'empty-value',
      );
    });

    it('accepts the other sources and targets as written in the docs', () => {
      expectClean(
        usersync({
          source: OKTA,
          target: CONFLUENCE,
          match: 'match username = profile.login',
          lines: ['map profile position = profile.title'],
        }),
      );
      expectClean(
        usersync({
          source: GOOGLE,
          match: 'match username = primaryEmail',
          lines: ['map property "Title" = organizations[primary=true].title'],
        }),
      );
    });
  });
});

import { strict as assert } from 'assert';
import { parseUsersync } from '../../../server/src/syntax/parse-usersync';
import { buildRunnable, parseClearGuard } from '../../../server/src/sync/engine/runnable';

function build(body: string, env: Record<string, string> = {}, trusted = true) {
  const { document, errors } = parseUsersync(body, 'file:///t.usersync');
  assert.deepEqual(errors, []);
  return buildRunnable(document, {
    env,
    configDir: '/nowhere',
    trusted,
    secrets: (n) => (n === 'jira-pat' ? 'stored-pat-value' : undefined),
  });
}

const BASE = `
  source okta { org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN") }
  target jira { url = "https://jira.contoso.com"  token = secret("jira-pat") }
  match username = profile.login
  map property "Department" = profile.department`;

describe('buildRunnable', () => {
  it('resolves settings and records every secret value for redaction', () => {
    const { connectors, errors } = build(`connector a {${BASE}\n}`, { OKTA_API_TOKEN: 'okta-token-value' });
    assert.deepEqual(errors, []);
    const [c] = connectors;
    assert.equal(c.source.settings.token, 'okta-token-value');
    assert.equal(c.target.settings.token, 'stored-pat-value');
    assert.equal(c.source.settings.org_url, 'https://contoso.okta.com');
    assert.deepEqual(c.secrets.sort(), ['okta-token-value', 'stored-pat-value']);
    assert.deepEqual(
      c.mappings.map((m) => [m.kind, m.key]),
      [['property', 'Department']],
    );
  });

  it('treats a token written as a literal as a secret too', () => {
    const { connectors } = build(`connector a {
      source okta { org_url = "https://o"  token = "literal-token-1" }
      target jira { url = "https://j"  token = "literal-pat-2" }
      match username = profile.login
    }`);
    assert.deepEqual(connectors[0].secrets.sort(), ['literal-pat-2', 'literal-token-1']);
  });

  it('defaults to on_empty keep, a 10% clear guard, no schedule and no pinned users', () => {
    const [c] = build(`connector a {${BASE}\n}`, { OKTA_API_TOKEN: 'x' }).connectors;
    assert.equal(c.onEmpty, 'keep');
    assert.equal(c.clearGuard, 0.1);
    assert.equal(c.schedule, undefined);
    assert.deepEqual(c.users, []);
  });

  it('reads on_empty, clear_guard, schedule and pinned users', () => {
    const [c] = build(
      `connector a {${BASE}
      on_empty = clear
      clear_guard = "25%"
      schedule "*/5 * * * * *"
      user "alice@contoso.com"
    }`,
      { OKTA_API_TOKEN: 'x' },
    ).connectors;
    assert.equal(c.onEmpty, 'clear');
    assert.equal(c.clearGuard, 0.25);
    assert.equal(c.schedule, '*/5 * * * * *');
    assert.deepEqual(c.users, ['alice@contoso.com']);
  });

  it('reports a setting that does not resolve, with its span, and builds no connector', () => {
    const text = `connector a {${BASE}\n}`;
    const { connectors, errors, secrets } = build(text, {});
    assert.deepEqual(connectors, []);
    assert.deepEqual(secrets, ['stored-pat-value'], 'what did resolve is still there to redact');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /OKTA_API_TOKEN is not set/);
    assert.equal(text.slice(errors[0].span.start, errors[0].span.end), 'env("OKTA_API_TOKEN")');
  });

  it('refuses env/secret values in an untrusted workspace', () => {
    const { errors } = build(`connector a {${BASE}\n}`, { OKTA_API_TOKEN: 'x' }, false);
    assert.equal(errors.length, 2);
  });

  it('reports an invalid schedule and an invalid clear_guard', () => {
    const { errors } = build(
      `connector a {${BASE}
      schedule "every tuesday"
      clear_guard = "lots"
    }`,
      { OKTA_API_TOKEN: 'x' },
    );
    assert.deepEqual(errors.map((e) => e.message.split(' ')[0]).sort(), ['clear_guard', 'schedule']);
  });

  it('parses clear_guard percentages and shares', () => {
    assert.equal(parseClearGuard('10%'), 0.1);
    assert.equal(parseClearGuard('0%'), 0);
    assert.equal(parseClearGuard('0.5'), 0.5);
    assert.equal(parseClearGuard('150%'), undefined);
    assert.equal(parseClearGuard('ten'), undefined);
  });
});

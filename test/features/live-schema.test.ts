import { strict as assert } from 'assert';
import { fetchGoogleSchema } from '../../server/src/features/live-schema/google-schema';
import { fetchGraphSchema } from '../../server/src/features/live-schema/graph-schema';
import { fetchOktaSchema } from '../../server/src/features/live-schema/okta-schema';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import {
  LIVE_SCHEMA_CODE,
  LiveSchemaService,
  type SchemaFetcher,
} from '../../server/src/features/live-schema/live-schema';
import { parsed } from './marked';

const OKTA = parsed(
  'connector c {\n  source okta { org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN") }\n  target jira { url = "https://j"  token = env("J") }\n}\n',
).connectors[0];

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('live schema', () => {
  const env = { OKTA_API_TOKEN: 'okta-token-value' };

  it('reads nothing unless enabled and the workspace is trusted', async () => {
    let calls = 0;
    const fetcher: SchemaFetcher = async () => (calls++, []);
    const live = new LiveSchemaService({ fetchers: { okta: fetcher }, env });
    live.ensure([OKTA], '/w');
    live.configure({ enabled: true });
    live.ensure([OKTA], '/w');
    live.configure({ enabled: false, trusted: true });
    live.ensure([OKTA], '/w');
    await settle();
    assert.equal(calls, 0);
    assert.equal(live.customPaths(OKTA, '/w'), undefined);
  });

  it('reads each source once, with resolved settings, and reports the custom attributes', async () => {
    const seen: Record<string, string>[] = [];
    let changes = 0;
    const fetcher: SchemaFetcher = async (settings) => (
      seen.push(settings),
      [{ path: 'profile.badgeId', type: 'string' }]
    );
    const live = new LiveSchemaService({ fetchers: { okta: fetcher }, env, onChange: () => changes++ });
    live.configure({ enabled: true, trusted: true });
    const generation = live.generation;
    live.ensure([OKTA], '/w');
    live.ensure([OKTA], '/w');
    await settle();
    assert.deepEqual(seen, [{ org_url: 'https://contoso.okta.com', token: 'okta-token-value' }]);
    assert.deepEqual([...(live.customPaths(OKTA, '/w') ?? [])], ['profile.badgeId']);
    assert.deepEqual(
      live.attributes(OKTA, '/w').map((a) => a.path),
      ['profile.badgeId'],
    );
    assert.ok(live.generation > generation && changes > 0);
    assert.equal(live.failure(OKTA, '/w'), undefined);
  });

  it('turns a failure into one information finding on the source block, without secrets', async () => {
    const fetcher: SchemaFetcher = async () => {
      throw new Error('GET https://contoso.okta.com/api/v1/meta/schemas/user/default: 403 E0000006');
    };
    const live = new LiveSchemaService({ fetchers: { okta: fetcher }, env });
    live.configure({ enabled: true, trusted: true });
    live.ensure([OKTA], '/w');
    await settle();
    const d = live.failure(OKTA, '/w');
    assert.equal(d?.code, LIVE_SCHEMA_CODE);
    assert.equal(d?.severity, 'information');
    assert.deepEqual(d?.span, OKTA.items[0].kind === 'block' ? OKTA.items[0].typeSpan : undefined);
    assert.match(d?.message ?? '', /403/);
    assert.doesNotMatch(d?.message ?? '', /okta-token-value/);
    assert.equal(live.customPaths(OKTA, '/w'), undefined, 'without a schema every custom name goes');
  });

  it('names the missing environment variable when a credential cannot be resolved', async () => {
    const live = new LiveSchemaService({ fetchers: { okta: async () => [] }, env: {} });
    live.configure({ enabled: true, trusted: true });
    live.ensure([OKTA], '/w');
    await settle();
    assert.match(live.failure(OKTA, '/w')?.message ?? '', /token: environment variable OKTA_API_TOKEN is not set/);
  });

  describe('readers against the vendor simulators (sandbox)', () => {
    let sb: Sandbox;
    const io = { configDir: '/w', http: { maxRetries: 0 } };

    before(async () => {
      sb = await startSandbox({ users: 5, rateLimits: false });
    });
    after(() => sb.close());

    it('reads Okta custom profile attributes as profile.<name> with the SSWS token', async () => {
      const found = await fetchOktaSchema({ org_url: sb.urls.okta, token: sb.credentials.okta.token }, io);
      const paths = found.map((a) => a.path);
      assert.ok(paths.includes('profile.badgeNumber') && paths.includes('profile.projects'), paths.join());
      assert.ok(!paths.includes('profile.login'), 'base attributes come from the catalog');
      assert.equal(found.find((a) => a.path === 'profile.projects')?.isCollection, true);
    });

    it('reads Graph directory extensions that target users', async () => {
      const c = sb.credentials.azure;
      const settings = {
        tenant: c.tenant,
        client_id: c.clientId,
        client_secret: c.clientSecret,
        graph_url: sb.urls.graph,
        login_url: sb.urls.azureLogin,
      };
      const found = await fetchGraphSchema(settings, io);
      assert.ok(
        found.some((a) => a.path === sb.graphExtension),
        JSON.stringify(found),
      );
    });

    it('reads Google custom schema fields as customSchemas.<schema>.<field>, asking for the schema scope', async () => {
      const g = sb.credentials.google;
      const settings = {
        service_account_key: JSON.stringify(g.serviceAccountKey),
        admin_email: g.adminEmail,
        customer: g.customer,
        api_url: sb.urls.googleApi,
        token_url: sb.urls.googleToken,
      };
      const found = await fetchGoogleSchema(settings, io);
      assert.ok(
        found.length > 0 && found.every((a) => /^customSchemas\.[^.]+\.[^.]+$/.test(a.path)),
        JSON.stringify(found),
      );
    });

    it('fails with the vendor status when the credentials are wrong', async () => {
      await assert.rejects(fetchOktaSchema({ org_url: sb.urls.okta, token: 'wrong' }, io), /401/);
    });
  });
});

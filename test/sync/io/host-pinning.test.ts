import { strict as assert } from 'assert';
import { HostPinningError } from '../../../server/src/sync/http/errors';
import { createSource } from '../../../server/src/sync/sources';
import { ioOptions, readAll, runnable } from './sandbox-fixture';
import { startScriptedServer, type Recorded, type Reply, type ScriptedServer } from './scripted-server';

describe('host pinning in the source readers', () => {
  let idp: ScriptedServer;
  let catcher: ScriptedServer;
  before(async () => {
    catcher = await startScriptedServer(() => ({ body: { value: [] } }));
    idp = await startScriptedServer((r: Recorded): Reply => {
      if (r.method === 'POST') return { body: { access_token: 'AT-pinned', expires_in: 3600 } };
      if (r.url.startsWith('/v1.0/users/delta'))
        return { body: { value: [], '@odata.deltaLink': `${idp.url}/v1.0/users/delta?$deltatoken=x` } };
      if (r.url.startsWith('/v1.0/users')) {
        return {
          body: {
            value: [{ id: '1', userPrincipalName: 'a@contoso.com' }],
            '@odata.nextLink': `${catcher.url}/v1.0/users?$skiptoken=steal`,
          },
        };
      }
      if (r.url.startsWith('/api/v1/users')) {
        return {
          headers: { Link: `<${catcher.url}/api/v1/users?after=1>; rel="next"` },
          body: [{ id: '00u1', profile: { login: 'a' } }],
        };
      }
      return { status: 404 };
    });
  });
  after(async () => {
    await idp.close();
    await catcher.close();
  });
  beforeEach(() => (catcher.requests.length = 0));

  const azure = () =>
    runnable(
      {
        type: 'azure',
        settings: {
          tenant: 't',
          client_id: 'c',
          client_secret: 'secret-value-1',
          login_url: idp.url,
          graph_url: idp.url,
        },
      },
      'userPrincipalName',
      [],
    );

  it('fails on a Graph @odata.nextLink to another origin and sends nothing there', async () => {
    await assert.rejects(readAll(createSource(azure(), ioOptions())), HostPinningError);
    assert.equal(catcher.requests.length, 0);
  });

  it('fails on a stored delta link that points elsewhere', async () => {
    await assert.rejects(
      readAll(createSource(azure(), ioOptions()), `${catcher.url}/v1.0/users/delta?$deltatoken=x`),
      HostPinningError,
    );
    assert.equal(catcher.requests.length, 0);
  });

  it('fails on an Okta Link rel="next" to another origin', async () => {
    const okta = runnable(
      { type: 'okta', settings: { org_url: idp.url, token: 'ssws-token-123' } },
      'profile.login',
      [],
    );
    await assert.rejects(readAll(createSource(okta, ioOptions())), HostPinningError);
    assert.equal(catcher.requests.length, 0);
  });
});

import { strict as assert } from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Expr } from '../../../server/src/model/model';
import { createSource } from '../../../server/src/sync/sources';
import type { RunnableConnector } from '../../../server/src/sync/types';
import { startScriptedServer, type Recorded, type ScriptedServer } from './scripted-server';

const span = { start: 0, end: 0 };
const mail: Expr = { kind: 'path', segments: [{ name: 'mail', span }], span };

function connector(type: 'azure' | 'okta' | 'google', settings: Record<string, string>): RunnableConnector {
  return {
    name: 'auth',
    source: { type, settings },
    target: { type: 'jira', settings: {} },
    match: mail,
    mappings: [],
    onEmpty: 'keep',
    clearGuard: 1,
    users: [],
    secrets: [],
  };
}

/** Splits a JWT and checks its RS256 signature with the given public key. */
function verifyJwt(
  jwt: string,
  key: crypto.KeyLike,
): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, c, s] = jwt.split('.');
  assert.ok(crypto.verify('RSA-SHA256', Buffer.from(`${h}.${c}`), key, Buffer.from(s, 'base64url')), 'bad signature');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(c, 'base64url').toString()),
  };
}

const form = (r: Recorded) => Object.fromEntries(new URLSearchParams(r.body));

describe('source sign-in', () => {
  let server: ScriptedServer;
  before(async () => {
    server = await startScriptedServer((r) => {
      if (r.method === 'POST') return { body: { access_token: 'AT-1', token_type: 'Bearer', expires_in: 3600 } };
      if (r.url.startsWith('/api/v1/users')) return { body: [] };
      if (r.url.startsWith('/admin/directory')) return { body: { users: [] } };
      return { body: { value: [], '@odata.deltaLink': `${server.url}/v1.0/users/delta?$deltatoken=d1` } };
    });
  });
  after(() => server.close());
  beforeEach(() => (server.requests.length = 0));

  async function drain(c: RunnableConnector) {
    for await (const _ of createSource(c, { configDir: '.' }).list({})) void _;
  }

  it('Entra ID: client secret at {login_url}/{tenant}/oauth2/v2.0/token, then Bearer on Graph', async () => {
    await drain(
      connector('azure', {
        tenant: 'contoso.onmicrosoft.com',
        client_id: 'app-1',
        client_secret: 'shh-123456',
        login_url: server.url,
        graph_url: server.url,
      }),
    );
    const token = server.requests[0];
    assert.equal(token.url, '/contoso.onmicrosoft.com/oauth2/v2.0/token');
    assert.deepEqual(form(token), {
      grant_type: 'client_credentials',
      client_id: 'app-1',
      scope: `${server.url}/.default`,
      client_secret: 'shh-123456',
    });
    assert.equal(token.headers.authorization, undefined);
    assert.ok(server.requests.slice(1).every((r) => r.headers.authorization === 'Bearer AT-1'));
  });

  it('Entra ID: a certificate becomes an RS256 client assertion with the x5t thumbprint', async () => {
    const pem = fs.readFileSync(path.join(__dirname, 'fixtures', 'azure-app-certificate.pem'), 'utf8');
    await drain(
      connector('azure', {
        tenant: 't1',
        client_id: 'app-2',
        certificate: pem,
        login_url: server.url,
        graph_url: server.url,
      }),
    );
    const f = form(server.requests[0]);
    assert.equal(f.client_assertion_type, 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    assert.equal(f.client_secret, undefined);
    const cert = new crypto.X509Certificate(pem.slice(pem.indexOf('-----BEGIN CERTIFICATE')));
    const { header, claims } = verifyJwt(f.client_assertion, cert.publicKey);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.x5t, crypto.createHash('sha1').update(cert.raw).digest('base64url'));
    assert.equal(claims.aud, `${server.url}/t1/oauth2/v2.0/token`);
    assert.equal(claims.iss, 'app-2');
    assert.equal(claims.sub, 'app-2');
  });

  it('Okta: SSWS token as is', async () => {
    await drain(connector('okta', { org_url: server.url, token: 'okta-api-token' }));
    assert.equal(server.requests[0].headers.authorization, 'SSWS okta-api-token');
  });

  it('Okta: a JWK private key signs a private_key_jwt assertion for scope okta.users.read', async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid: 'key-7' });
    await drain(connector('okta', { org_url: server.url, client_id: 'svc-app', private_key: jwk }));
    const token = server.requests[0];
    assert.equal(token.url, '/oauth2/v1/token');
    const f = form(token);
    assert.equal(f.grant_type, 'client_credentials');
    assert.equal(f.scope, 'okta.users.read');
    const { header, claims } = verifyJwt(f.client_assertion, publicKey);
    assert.equal(header.kid, 'key-7');
    assert.equal(claims.aud, `${server.url}/oauth2/v1/token`);
    assert.equal(claims.iss, 'svc-app');
    assert.equal(server.requests[1].headers.authorization, 'Bearer AT-1');
  });

  it("Google: a service-account JWT for the admin, exchanged at the key's token_uri", async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = {
      type: 'service_account',
      client_email: 'sync@proj.iam.gserviceaccount.com',
      private_key: privateKey.export({ format: 'pem', type: 'pkcs8' }),
      token_uri: `${server.url}/token`,
    };
    await drain(
      connector('google', {
        service_account_key: JSON.stringify(key),
        admin_email: 'admin@example.com',
        api_url: server.url,
      }),
    );
    const token = server.requests[0];
    assert.equal(token.url, '/token');
    const f = form(token);
    assert.equal(f.grant_type, 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    const { claims } = verifyJwt(f.assertion, publicKey);
    assert.deepEqual(
      { iss: claims.iss, sub: claims.sub, scope: claims.scope, aud: claims.aud },
      {
        iss: key.client_email,
        sub: 'admin@example.com',
        scope: 'https://www.googleapis.com/auth/admin.directory.user.readonly',
        aud: key.token_uri,
      },
    );
    assert.equal(Number(claims.exp) - Number(claims.iat), 3600);
    assert.equal(server.requests[1].headers.authorization, 'Bearer AT-1');
  });

  it('names the missing setting instead of failing later', () => {
    assert.throws(
      () => createSource(connector('azure', { tenant: 't' }), { configDir: '.' }),
      /setting "client_id" is required/,
    );
    assert.throws(
      () => createSource(connector('okta', { org_url: 'https://o' }), { configDir: '.' }),
      /set token, or client_id and private_key/,
    );
    assert.throws(
      () => createSource(connector('google', { service_account_key: 'nope', admin_email: 'a@b' }), { configDir: '.' }),
      /not JSON/,
    );
  });
});

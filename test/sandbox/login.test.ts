import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { azureTokenUrl, b64url, bearer, call, postForm, signJwt } from './helpers';

describe('sandbox: Microsoft identity platform token endpoint', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ users: 20, token: 'test-secret', tokenLifetimeSeconds: 1 });
  });
  after(() => sb.close());

  const base = () => ({
    grant_type: 'client_credentials',
    client_id: sb.credentials.azure.clientId,
    scope: 'https://graph.microsoft.com/.default',
  });
  const assertion = (claims: Record<string, unknown> = {}, header?: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    const id = sb.credentials.azure.clientId;
    return signJwt(
      { aud: azureTokenUrl(sb), iss: id, sub: id, iat: now, exp: now + 600, ...claims },
      sb.credentials.okta.privateKey,
      header,
    );
  };
  const withAssertion = (jwt: string) => ({
    ...base(),
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: jwt,
  });

  it('issues a bearer token with expires_in for the client secret', async () => {
    const res = await call(azureTokenUrl(sb), postForm({ ...base(), client_secret: 'test-secret' }));
    assert.equal(res.status, 200);
    assert.equal(res.body.token_type, 'Bearer');
    assert.equal(res.body.expires_in, 1);
    assert.equal(typeof res.body.access_token, 'string');
  });

  it('answers a wrong secret with 401 invalid_client AADSTS7000215', async () => {
    const res = await call(azureTokenUrl(sb), postForm({ ...base(), client_secret: 'nope' }));
    assert.equal(res.status, 401);
    assert.equal(res.body.error, 'invalid_client');
    assert.match(res.body.error_description, /^AADSTS7000215: Invalid client secret provided/);
    assert.deepEqual(res.body.error_codes, [7000215]);
  });

  it('requires the Graph .default scope, a known tenant and a known client', async () => {
    const scope = await call(
      azureTokenUrl(sb),
      postForm({ ...base(), client_secret: 'test-secret', scope: 'User.Read.All' }),
    );
    assert.equal(scope.status, 400);
    assert.equal(scope.body.error, 'invalid_scope');
    const tenant = await call(
      `${sb.urls.azureLogin}/fabrikam.onmicrosoft.com/oauth2/v2.0/token`,
      postForm({ ...base(), client_secret: 'test-secret' }),
    );
    assert.equal(tenant.status, 400);
    assert.match(tenant.body.error_description, /^AADSTS90002/);
    const client = await call(
      azureTokenUrl(sb),
      postForm({ ...base(), client_id: '11111111-1111-4111-8111-111111111111', client_secret: 'test-secret' }),
    );
    assert.equal(client.body.error, 'unauthorized_client');
  });

  it('takes a well-formed RS256 client assertion whose audience is the token URL', async () => {
    const ok = await call(azureTokenUrl(sb), postForm(withAssertion(assertion())));
    assert.equal(ok.status, 200);
    const wrongAud = await call(
      azureTokenUrl(sb),
      postForm(withAssertion(assertion({ aud: 'https://example.com/token' }))),
    );
    assert.equal(wrongAud.status, 401);
    const hs256 = await call(azureTokenUrl(sb), postForm(withAssertion(assertion({}, { alg: 'HS256', typ: 'JWT' }))));
    assert.equal(hs256.status, 401);
    const twoParts = await call(
      azureTokenUrl(sb),
      postForm(withAssertion(`${b64url({ alg: 'RS256' })}.${b64url({})}`)),
    );
    assert.equal(twoParts.status, 401);
    assert.match(twoParts.body.error_description, /^AADSTS50027/);
  });

  it('lets tokens expire after tokenLifetimeSeconds', async () => {
    const res = await call(azureTokenUrl(sb), postForm({ ...base(), client_secret: 'test-secret' }));
    const url = `${sb.urls.graph}/v1.0/users?$top=1`;
    assert.equal((await call(url, bearer(res.body.access_token))).status, 200);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await call(url, bearer(res.body.access_token));
    assert.equal(expired.status, 401);
    assert.match(expired.body.error.message, /expired/);
  });
});

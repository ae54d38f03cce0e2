import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { call, postForm, signJwt, type Fetched } from './helpers';

/** `<url>; rel="next"` from Link headers (fetch joins repeated headers with ", "). */
function link(headers: Headers, rel: string): string | undefined {
  const m = new RegExp(`<([^>]+)>;\\s*rel="${rel}"`).exec(headers.get('link') ?? '');
  return m?.[1];
}

describe('sandbox: Okta users API', () => {
  let sb: Sandbox;
  const ssws = () => ({ headers: { Authorization: `SSWS ${sb.credentials.okta.token}` } });
  const users = (query = '') => `${sb.urls.okta}/api/v1/users${query}`;

  before(async () => {
    sb = await startSandbox({ users: 230, seed: 'okta' });
  });
  after(() => sb.close());

  it('pages with absolute Link rel="next" URLs and leaves DEPROVISIONED users out of the plain list', async () => {
    const ids: string[] = [];
    let url: string | undefined = users('?limit=100');
    let pages = 0;
    while (url) {
      const res: Fetched = await call(url, ssws());
      assert.equal(link(res.headers, 'self'), url);
      ids.push(...res.body.map((u: { id: string }) => u.id));
      url = link(res.headers, 'next');
      if (url) assert.match(url, new RegExp(`^${sb.urls.okta}/api/v1/users\\?.*after=`));
      pages++;
    }
    const expected = sb.people().filter((p) => p.oktaStatus !== 'DEPROVISIONED');
    assert.equal(pages, Math.ceil(expected.length / 100));
    assert.deepEqual(
      ids,
      expected.map((p) => p.oktaId),
    );
  });

  it('caps limit at 200', async () => {
    const res = await call(users('?limit=500'), ssws());
    assert.equal(res.body.length, 200);
  });

  it('shapes users like the samples: status, dates, profile with manager strings, _links.self', async () => {
    const p = sb.people().find((x) => x.manager >= 0 && x.badge)!;
    const res = await call(users(`/${encodeURIComponent(p.email)}`), ssws());
    const u = res.body;
    assert.equal(u.id, p.oktaId);
    assert.equal(u.profile.login, p.email);
    assert.equal(u.profile.badgeNumber, p.badge);
    assert.equal(typeof u.profile.manager, 'string');
    assert.match(u.profile.managerId, /^00u/);
    assert.match(u.lastUpdated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(u._links, { self: { href: users(`/${p.oktaId}`) } });
    assert.equal((await call(users(`/${p.oktaId}`), ssws())).body.profile.email, p.email);
    const missing = await call(users('/nobody@contoso.com'), ssws());
    assert.equal(missing.status, 404);
    assert.equal(missing.body.errorCode, 'E0000007');
  });

  it('searches with eq, and, and lastUpdated gt — DEPROVISIONED included', async () => {
    const deprovisioned = await call(users(`?search=${encodeURIComponent('status eq "DEPROVISIONED"')}`), ssws());
    assert.ok(deprovisioned.body.length >= 4);
    assert.ok(deprovisioned.body.every((u: { status: string }) => u.status === 'DEPROVISIONED'));
    const p = sb.people(3)[2];
    const both = `profile.login eq "${p.email.toUpperCase()}" and status eq "${p.oktaStatus}"`;
    assert.deepEqual(
      (await call(users(`?search=${encodeURIComponent(both)}`), ssws())).body.map((u: { id: string }) => u.id),
      [p.oktaId],
    );
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    sb.updateUser(p.email, { department: 'Quality' });
    const changed = await call(users(`?search=${encodeURIComponent(`lastUpdated gt "${since}"`)}`), ssws());
    assert.deepEqual(
      changed.body.map((u: { profile: { department: string } }) => u.profile.department),
      ['Quality'],
    );
  });

  it('answers invalid search and filter expressions with 400 E0000031', async () => {
    for (const q of [
      'search=profile.department ne "Sales"',
      'search=profile.department co "Sal"',
      'filter=profile.department eq "Sales"',
    ]) {
      const [name, value] = q.split(/=(.*)/s);
      const res = await call(users(`?${name}=${encodeURIComponent(value)}`), ssws());
      assert.equal(res.status, 400, q);
      assert.equal(res.body.errorCode, 'E0000031');
    }
    const filter = await call(users(`?filter=${encodeURIComponent('status eq "ACTIVE"')}`), ssws());
    assert.equal(filter.status, 200);
  });

  it('matches q as a prefix of first name, last name or e-mail, without pagination', async () => {
    const p = sb.people().find((x) => x.oktaStatus === 'ACTIVE')!;
    const res = await call(users(`?q=${encodeURIComponent(p.email.slice(0, 3))}&limit=1`), ssws());
    assert.equal(res.body.length, 1);
    assert.equal(link(res.headers, 'next'), undefined);
  });

  it('serves the default user schema with base and custom attributes', async () => {
    const res = await call(`${sb.urls.okta}/api/v1/meta/schemas/user/default`, ssws());
    assert.equal(res.body.definitions.base.properties.login.maxLength, 100);
    assert.equal(res.body.definitions.custom.properties.badgeNumber.type, 'string');
  });

  it('answers a missing or wrong token with 401 E0000011 and sends X-Rate-Limit headers on every response', async () => {
    const res = await call(users(), { headers: { Authorization: 'SSWS wrong' } });
    assert.equal(res.status, 401);
    assert.equal(res.body.errorCode, 'E0000011');
    assert.equal(res.body.errorSummary, 'Invalid token provided');
    for (const h of ['x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset'])
      assert.ok(res.headers.get(h), h);
    assert.ok(Math.abs(Number(res.headers.get('x-rate-limit-reset')) - Date.now() / 1000) < 120, 'epoch seconds');
  });

  it('issues OAuth tokens for a private_key_jwt client assertion; scopes limit what they reach', async () => {
    const tokenUrl = `${sb.urls.okta}/oauth2/v1/token`;
    const now = Math.floor(Date.now() / 1000);
    const id = sb.credentials.okta.clientId;
    const jwt = signJwt(
      { aud: tokenUrl, iss: id, sub: id, iat: now, exp: now + 300, jti: 'x' },
      sb.credentials.okta.privateKey,
    );
    const form = {
      grant_type: 'client_credentials',
      scope: 'okta.users.read',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    };
    const token = await call(tokenUrl, postForm(form));
    assert.equal(token.status, 200);
    const auth = { headers: { Authorization: `Bearer ${token.body.access_token}` } };
    assert.equal((await call(users('?limit=1'), auth)).status, 200);
    assert.equal((await call(`${sb.urls.okta}/api/v1/meta/schemas/user/default`, auth)).status, 403);
    const wrongAud = await call(
      tokenUrl,
      postForm({
        ...form,
        client_assertion: signJwt({ aud: 'x', iss: id, sub: id, exp: now + 300 }, sb.credentials.okta.privateKey),
      }),
    );
    assert.equal(wrongAud.status, 401);
    assert.equal(wrongAud.body.error, 'invalid_client');
  });

  it('throttles per minute with 429 E0000047', async () => {
    const small = await startSandbox({ users: 5, rateLimits: { oktaPerMinute: 2 } });
    try {
      const auth = { headers: { Authorization: `SSWS ${small.credentials.okta.token}` } };
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await call(`${small.urls.okta}/api/v1/users`, auth));
      assert.deepEqual(
        statuses.map((s) => s.status),
        [200, 200, 429],
      );
      assert.equal(statuses[2].body.errorCode, 'E0000047');
      assert.equal(statuses[2].headers.get('x-rate-limit-remaining'), '0');
    } finally {
      await small.close();
    }
  });

  describe('field projection: fields on the user list (management yaml, list users `fields`)', () => {
    const projected = (fields: string, more = '') =>
      call(users(`?fields=${encodeURIComponent(fields)}${more}`), ssws());
    const keysOf = (o: object) => Object.keys(o).sort();

    it('id,status,profile:(login,city) keeps only those properties', async () => {
      const res = await projected('id,status,profile:(login,city)', '&limit=50');
      assert.equal(res.status, 200);
      assert.equal(res.body.length, 50);
      for (const u of res.body) {
        assert.deepEqual(keysOf(u), ['id', 'profile', 'status']);
        assert.deepEqual(keysOf(u.profile), ['city', 'login']);
      }
      const p = sb.people().find((x) => x.oktaStatus !== 'DEPROVISIONED')!;
      assert.deepEqual(res.body[0], { id: p.oktaId, status: p.oktaStatus, profile: { login: p.email, city: p.city } });
    });

    it('always includes id, allows blanks after commas, and leaves unknown names out silently', async () => {
      const res = await projected('status, lastUpdated, shoeSize, profile:(firstName, shoeSize)', '&limit=5');
      assert.equal(res.status, 200);
      for (const u of res.body) {
        assert.deepEqual(keysOf(u), ['id', 'lastUpdated', 'profile', 'status']);
        assert.deepEqual(keysOf(u.profile), ['firstName']);
      }
    });

    it('selects the whole profile with profile alone, and _links only when named', async () => {
      const full = await call(users('?limit=3'), ssws());
      const res = await projected('profile,_links', '&limit=3');
      assert.deepEqual(
        res.body,
        full.body.map((u: { id: string; profile: object; _links: object }) => ({
          id: u.id,
          profile: u.profile,
          _links: u._links,
        })),
      );
    });

    it('keeps fields in the next link and pages through the same people as without it', async () => {
      const ids = async (query: string) => {
        const seen: string[] = [];
        let url: string | undefined = users(query);
        while (url) {
          const res: Fetched = await call(url, ssws());
          if (query.includes('fields'))
            assert.ok(
              res.body.every((u: object) => keysOf(u).join() === 'id,status'),
              url,
            );
          seen.push(...res.body.map((u: { id: string }) => u.id));
          url = link(res.headers, 'next');
          if (url && query.includes('fields')) assert.equal(new URL(url).searchParams.get('fields'), 'status');
        }
        return seen;
      };
      const plain = await ids('?limit=100');
      assert.ok(plain.length > 100);
      assert.deepEqual(await ids('?limit=100&fields=status'), plain);
    });

    it('answers a malformed value with 400 E0000001 Api validation failed: fields', async () => {
      for (const fields of ['profile:(login', 'profile:login', 'id,profile:(login))', 'id,,status', 'profile:()', '']) {
        const res = await projected(fields);
        assert.equal(res.status, 400, fields);
        assert.equal(res.body.errorCode, 'E0000001', fields);
        assert.equal(res.body.errorSummary, 'Api validation failed: fields');
      }
    });

    it('does not let a projection change the full users served before or after it', async () => {
      const url = users('?limit=20');
      const before = await (await fetch(url, ssws())).text();
      assert.equal((await projected('status', '&limit=20')).body[0].profile, undefined);
      assert.equal(await (await fetch(url, ssws())).text(), before);
      assert.deepEqual(keysOf((await projected('profile:(login)', '&limit=20')).body[0]), ['id', 'profile']);
    });
  });
});

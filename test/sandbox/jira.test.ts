import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { call } from './helpers';

describe('sandbox: Jira companion endpoint and REST', () => {
  let sb: Sandbox;
  const companion = (path: string) => `${sb.urls.jira}/rest/scriptrunner/latest/custom/usersync${path}`;
  const auth = () => ({ Authorization: `Bearer ${sb.credentials.jira.token}` });
  const get = (url: string) => call(url, { headers: auth() });
  const post = (changes: unknown) =>
    call(companion('/users'), {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes }),
    });
  const present = () => sb.people().filter((p) => sb.jiraUser(p.email));

  beforeEach(async () => {
    sb = await startSandbox({ users: 120, seed: 'jira' });
  });
  afterEach(() => sb.close());

  it('answers health, and 401 without the PAT', async () => {
    assert.deepEqual((await get(companion('/health'))).body, { product: 'jira', version: '9.12.2', companion: '1' });
    assert.equal((await call(companion('/health'))).status, 401);
    assert.equal(
      (await call(companion('/users?username=a'), { headers: { Authorization: 'Bearer wrong' } })).status,
      401,
    );
  });

  it('reads 1..100 users, listing the missing ones, with properties but no profile', async () => {
    const [a] = present();
    const res = await get(companion(`/users?username=${encodeURIComponent(a.email)}&username=nobody%40contoso.com`));
    assert.deepEqual(res.body.missing, ['nobody@contoso.com']);
    assert.equal(res.body.users[0].username, a.email);
    assert.match(res.body.users[0].key, /^JIRAUSER\d+$/);
    assert.equal(res.body.users[0].profile, undefined);
    assert.equal((await get(companion('/users'))).status, 400);
    const many = Array.from({ length: 101 }, (_, i) => `username=u${i}`).join('&');
    assert.equal((await get(companion(`/users?${many}`))).status, 400);
  });

  it('seeds ~3% of the IdP people as missing from Jira', async () => {
    const missing = sb.people().filter((p) => !sb.jiraUser(p.email));
    assert.ok(missing.length >= 2 && missing.length <= 6, `${missing.length}`);
  });

  it('writes sets and unsets and reports updated / not_found', async () => {
    const [a] = present();
    const res = await post([
      {
        username: a.email,
        set: { properties: { Department: 'Quality', 'Cost Center': 'CC 1' } },
        unset: { properties: ['Legacy Code'] },
      },
      { username: 'nobody@contoso.com', set: { properties: { X: '1' } }, unset: {} },
    ]);
    assert.deepEqual(res.body.results, [
      { username: a.email, status: 'updated' },
      { username: 'nobody@contoso.com', status: 'not_found' },
    ]);
    const after = sb.jiraUser(a.email)!.properties;
    assert.equal(after.Department, 'Quality');
    assert.equal(after['Cost Center'], 'CC 1');
    assert.equal(after['Legacy Code'], undefined);
  });

  it("rejects a user's whole change when one key or value breaks the User Property rules", async () => {
    const [a, b, c, d] = present();
    const before = { ...sb.jiraUser(a.email)!.properties };
    const res = await post([
      { username: a.email, set: { properties: { Department: 'Quality', 'Cost-Center': 'x' } } },
      { username: b.email, set: { properties: { Note: 'x'.repeat(251) } } },
      { username: c.email, set: { properties: { Note: '   ' } } },
      { username: d.email, set: { properties: { ['K'.repeat(201)]: 'x' } } },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { status: string }) => r.status),
      ['rejected', 'rejected', 'rejected', 'rejected'],
    );
    assert.ok(res.body.results.every((r: { message?: string }) => r.message));
    assert.deepEqual(sb.jiraUser(a.email)!.properties, before, 'nothing of the rejected change was applied');
    const ok = await post([{ username: b.email, set: { properties: { Note: 'x'.repeat(250) } } }]);
    assert.equal(ok.body.results[0].status, 'updated');
  });

  it('rejects profile fields (Jira has none) and answers malformed bodies and bad batch sizes with 400 {message}', async () => {
    const [a] = present();
    assert.equal(
      (await post([{ username: a.email, set: { profile: { phone: '1' } } }])).body.results[0].status,
      'rejected',
    );
    assert.equal((await post([])).status, 400);
    assert.equal((await post(Array.from({ length: 101 }, () => ({ username: a.email, set: {} })))).status, 400);
    const malformed = await call(companion('/users'), { method: 'POST', headers: auth(), body: '{not json' });
    assert.equal(malformed.status, 400);
    assert.equal(typeof malformed.body.message, 'string');
  });

  it('serves /rest/api/2/user and /user/search with startAt, maxResults ≤ 1000 and includeInactive', async () => {
    const [a] = present();
    const one = await get(`${sb.urls.jira}/rest/api/2/user?username=${encodeURIComponent(a.email)}`);
    assert.equal(one.body.name, a.email);
    assert.equal(one.body.emailAddress, a.email);
    assert.equal((await get(`${sb.urls.jira}/rest/api/2/user?key=${one.body.key}`)).body.name, a.email);
    assert.equal((await get(`${sb.urls.jira}/rest/api/2/user?username=nobody`)).status, 404);
    const everyone = await get(
      `${sb.urls.jira}/rest/api/2/user/search?username=.&maxResults=5000&includeInactive=true`,
    );
    const active = await get(`${sb.urls.jira}/rest/api/2/user/search?username=.&maxResults=1000`);
    assert.equal(everyone.body.length, sb.jiraUsers().length);
    assert.equal(active.body.length, sb.jiraUsers().filter((u) => u.active).length);
    assert.ok(active.body.length < everyone.body.length);
    const page = await get(`${sb.urls.jira}/rest/api/2/user/search?username=.&startAt=10&maxResults=3`);
    assert.deepEqual(
      page.body.map((u: { name: string }) => u.name),
      active.body.slice(10, 13).map((u: { name: string }) => u.name),
    );
  });

  it('silently truncates /user/search at 1000 results', async () => {
    const big = await startSandbox({ users: 1100, seed: 'jira-big' });
    try {
      const res = await call(
        `${big.urls.jira}/rest/api/2/user/search?username=.&maxResults=5000&includeInactive=true`,
        { headers: { Authorization: `Bearer ${big.credentials.jira.token}` } },
      );
      assert.equal(res.status, 200);
      assert.equal(res.body.length, 1000);
    } finally {
      await big.close();
    }
  });

  it('stores REST entity properties: 201 created, 200 updated, GET, 204 delete, ≤ 32768 bytes', async () => {
    const [a] = present();
    const url = `${sb.urls.jira}/rest/api/2/user/properties/usersync?username=${encodeURIComponent(a.email)}`;
    const put = (body: string) =>
      call(url, { method: 'PUT', headers: { ...auth(), 'Content-Type': 'application/json' }, body });
    assert.equal((await put('{"dept":"R&D"}')).status, 201);
    assert.equal((await put('{"dept":"Quality"}')).status, 200);
    assert.deepEqual((await get(url)).body, { key: 'usersync', value: { dept: 'Quality' } });
    assert.equal((await put(JSON.stringify({ big: 'x'.repeat(32768) }))).status, 400);
    assert.equal((await put('not json')).status, 400);
    assert.equal((await call(url, { method: 'DELETE', headers: auth() })).status, 204);
    assert.equal((await get(url)).status, 404);
    assert.equal(sb.jiraUser(a.email)!.properties.usersync, undefined, 'entity properties are a separate store');
  });

  it('rate-limits with a token bucket: X-RateLimit-* headers, 429 with Retry-After', async () => {
    const small = await startSandbox({
      users: 5,
      rateLimits: { atlassian: { capacity: 2, fillRate: 1, intervalSeconds: 60 } },
    });
    try {
      const url = `${small.urls.jira}/rest/scriptrunner/latest/custom/usersync/health`;
      const res = [];
      for (let i = 0; i < 3; i++)
        res.push(await call(url, { headers: { Authorization: `Bearer ${small.credentials.jira.token}` } }));
      assert.deepEqual(
        res.map((r) => r.status),
        [200, 200, 429],
      );
      assert.equal(res[0].headers.get('x-ratelimit-limit'), '2');
      assert.equal(res[0].headers.get('x-ratelimit-fillrate'), '1');
      assert.equal(res[0].headers.get('x-ratelimit-interval-seconds'), '60');
      assert.ok(Number(res[2].headers.get('retry-after')) >= 1);
    } finally {
      await small.close();
    }
  });
});

import { strict as assert } from 'assert';
import { generateKeyPairSync } from 'crypto';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { bearer, call, googleAssertion, googleToken, postForm, type Json } from './helpers';

const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

describe('sandbox: Google Directory API', () => {
  let sb: Sandbox;
  let token: string;
  const users = (query: string) => `${sb.urls.googleApi}/admin/directory/v1/users${query}`;
  const get = (url: string) => call(url, bearer(token));

  before(async () => {
    sb = await startSandbox({ users: 260, seed: 'google' });
    token = await googleToken(sb);
  });
  after(() => sb.close());

  it('exchanges a service-account JWT (RS256, iss, sub, scope, aud) for an access token', async () => {
    const res = await call(sb.urls.googleToken, postForm({ grant_type: GRANT, assertion: googleAssertion(sb) }));
    assert.equal(res.status, 200);
    assert.equal(res.body.token_type, 'Bearer');
    assert.ok(res.body.expires_in > 0);
  });

  it('refuses a JWT signed with another key, or without the directory scope', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const forged = await call(
      sb.urls.googleToken,
      postForm({ grant_type: GRANT, assertion: googleAssertion(sb, {}, other) }),
    );
    assert.equal(forged.status, 400);
    assert.equal(forged.body.error, 'invalid_grant');
    const scope = await call(
      sb.urls.googleToken,
      postForm({
        grant_type: GRANT,
        assertion: googleAssertion(sb, { scope: 'https://www.googleapis.com/auth/drive' }),
      }),
    );
    assert.equal(scope.body.error, 'unauthorized_client');
  });

  it('needs exactly one of customer and domain', async () => {
    assert.equal((await get(users(''))).status, 400);
    assert.equal((await get(users('?customer=my_customer&domain=contoso.com'))).status, 400);
    assert.equal((await get(users('?domain=contoso.com'))).status, 200);
  });

  it('pages with nextPageToken through every user, maxResults 1..500', async () => {
    const ids: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const res = await get(users(`?customer=my_customer&maxResults=100${pageToken ? `&pageToken=${pageToken}` : ''}`));
      ids.push(...res.body.users.map((u: { id: string }) => u.id));
      pageToken = res.body.nextPageToken;
      pages++;
    } while (pageToken);
    assert.equal(pages, 3);
    assert.deepEqual(
      ids,
      sb.people().map((p) => p.googleId),
    );
    assert.equal((await get(users('?customer=my_customer'))).body.users.length, 100, 'default 100');
    const tooMany = await get(users('?customer=my_customer&maxResults=501'));
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 400);
  });

  it('omits customSchemas with projection basic and includes them with full or a matching custom mask', async () => {
    const someone = sb.people().find((p) => p.projects.length && p.employeeId)!;
    const one = (projection: string) => get(users(`/${someone.email}?${projection}`));
    assert.equal((await one('projection=basic')).body.customSchemas, undefined);
    assert.deepEqual(
      (await one('projection=full')).body.customSchemas.employmentData.employeeNumber,
      someone.employeeId,
    );
    assert.ok((await one('projection=custom&customFieldMask=employmentData')).body.customSchemas);
    assert.equal((await one('projection=custom')).status, 400);
  });

  it('shapes users with typed multi-valued fields that may be missing, and the manager as an e-mail relation', async () => {
    const res = await get(users('?customer=my_customer&maxResults=500'));
    const all = res.body.users;
    assert.ok(
      all.some((u: Json) => !('phones' in u)),
      'phones missing on some',
    );
    const managed = all.find((u: Json) => u.relations)!;
    assert.equal(managed.relations[0].type, 'manager');
    assert.match(managed.relations[0].value, /@/);
    const primary = all.find((u: Json) => u.organizations)!.organizations.find((o: Json) => o.primary);
    assert.ok(primary.title);
  });

  it('gets one user by primary e-mail or id, 404 otherwise', async () => {
    const p = sb.people(1)[0];
    assert.equal((await get(users(`/${p.googleId}`))).body.primaryEmail, p.email);
    assert.equal((await get(users(`/${p.email}`))).body.id, p.googleId);
    const missing = await get(users('/nobody@contoso.com'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.errors[0].reason, 'notFound');
  });

  it('supports a minimal query', async () => {
    const p = sb.people(1)[0];
    const res = await get(users(`?customer=my_customer&query=${encodeURIComponent(`email:${p.email.slice(0, 4)}*`)}`));
    assert.ok(res.body.users.length >= 1);
    assert.ok(res.body.users.every((u: { primaryEmail: string }) => u.primaryEmail.startsWith(p.email.slice(0, 4))));
    assert.equal((await get(users('?customer=my_customer&query=shoeSize=44'))).status, 400);
  });

  it('orders by email when asked, across pages', async () => {
    const emails: string[] = [];
    let pageToken = '';
    do {
      const res = await get(
        users(`?customer=my_customer&orderBy=email&maxResults=200${pageToken && `&pageToken=${pageToken}`}`),
      );
      emails.push(...res.body.users.map((u: { primaryEmail: string }) => u.primaryEmail));
      pageToken = res.body.nextPageToken ?? '';
    } while (pageToken);
    assert.deepEqual(emails, [...emails].sort());
    assert.equal(emails.length, 260);
  });

  it('serves the customer schemas and rejects requests without a valid token', async () => {
    const noScope = await get(`${sb.urls.googleApi}/admin/directory/v1/customer/my_customer/schemas`);
    assert.equal(noScope.status, 403, 'the user scope does not cover schemas');
    const schemaToken = await googleToken(sb, {
      scope:
        'https://www.googleapis.com/auth/admin.directory.userschema.readonly https://www.googleapis.com/auth/admin.directory.user.readonly',
    });
    const schemas = await call(
      `${sb.urls.googleApi}/admin/directory/v1/customer/my_customer/schemas`,
      bearer(schemaToken),
    );
    assert.equal(schemas.body.schemas[0].schemaName, 'employmentData');
    const anonymous = await call(users('?customer=my_customer'));
    assert.equal(anonymous.status, 401);
  });

  it('signals over-quota with 403 userRateLimitExceeded, not 429', async () => {
    const small = await startSandbox({ users: 5, rateLimits: { googlePerMinute: 2 } });
    try {
      const t = await googleToken(small);
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push(await call(`${small.urls.googleApi}/admin/directory/v1/users?customer=my_customer`, bearer(t)));
      assert.deepEqual(
        statuses.map((s) => s.status),
        [200, 200, 403],
      );
      assert.deepEqual(statuses[2].body.error.errors[0], {
        message: 'Request rate higher than configured.',
        domain: 'usageLimits',
        reason: 'userRateLimitExceeded',
      });
    } finally {
      await small.close();
    }
  });

  describe('partial response: the fields parameter (Directory API guide, "Partial response")', () => {
    const list = (fields: string, more = '') =>
      get(users(`?customer=my_customer&fields=${encodeURIComponent(fields)}${more}`));
    const text = async (url: string) => (await fetch(url, bearer(token))).text();
    const keysOf = (o: Json) => Object.keys(o).sort();

    it('users(id,primaryEmail,name/fullName) returns exactly those keys per user and no kind or etag', async () => {
      const res = await list('users(id,primaryEmail,name/fullName)');
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body), ['users']);
      assert.equal(res.body.users.length, 100);
      for (const u of res.body.users) {
        assert.deepEqual(keysOf(u), ['id', 'name', 'primaryEmail']);
        assert.deepEqual(Object.keys(u.name), ['fullName']);
      }
      const p = sb.people(1)[0];
      assert.deepEqual(res.body.users[0], {
        id: p.googleId,
        primaryEmail: p.email,
        name: { fullName: `${p.givenName} ${p.surname}` },
      });
    });

    it('keeps nextPageToken when selected, and pages through the same people as without fields', async () => {
      const ids = async (fields: string | undefined) => {
        const seen: string[] = [];
        let pageToken = '';
        do {
          const more = `&maxResults=100${pageToken && `&pageToken=${pageToken}`}`;
          const res =
            fields === undefined ? await get(users(`?customer=my_customer${more}`)) : await list(fields, more);
          if (fields !== undefined)
            assert.deepEqual(keysOf(res.body), res.body.nextPageToken ? ['nextPageToken', 'users'] : ['users']);
          seen.push(...res.body.users.map((u: Json) => u.id));
          pageToken = res.body.nextPageToken ?? '';
        } while (pageToken);
        return seen;
      };
      const plain = await ids(undefined);
      assert.equal(plain.length, 260);
      assert.deepEqual(await ids('nextPageToken,users(id)'), plain);
      const tokenOnly = await list('nextPageToken');
      assert.deepEqual(Object.keys(tokenOnly.body), ['nextPageToken']);
    });

    it('applies a sub-selection to each element of an array: organizations(title) keeps only title', async () => {
      const res = await list('users(primaryEmail,organizations(title))', '&maxResults=500');
      const withOrgs = res.body.users.filter((u: Json) => u.organizations);
      assert.ok(withOrgs.length > 0 && withOrgs.length < res.body.users.length, 'guests have no organizations');
      for (const u of withOrgs) for (const o of u.organizations) assert.deepEqual(Object.keys(o), ['title']);
      assert.ok(
        res.body.users.every((u: Json) => keysOf(u).every((k) => ['organizations', 'primaryEmail'].includes(k))),
      );
      const nested = await list('users(name(givenName,familyName),emails/address)');
      assert.deepEqual(keysOf(nested.body.users[0].name), ['familyName', 'givenName']);
      assert.deepEqual(Object.keys(nested.body.users[0].emails[0]), ['address']);
    });

    it('selects the user itself on users.get, and * selects every field of a level', async () => {
      const p = sb.people(1)[0];
      const one = await get(users(`/${p.email}?fields=${encodeURIComponent('id,name(givenName)')}`));
      assert.deepEqual(one.body, { id: p.googleId, name: { givenName: p.givenName } });
      const full = await get(users(`/${p.email}`));
      assert.deepEqual((await get(users(`/${p.email}?fields=*`))).body, full.body);
      assert.deepEqual((await get(users(`/${p.email}?fields=name/*`))).body, { name: full.body.name });
    });

    it('answers a malformed selector with 400 invalidParameter', async () => {
      for (const fields of ['users(id', 'users(id))', 'users(id,)', 'users()', 'users/', ',users', '']) {
        const res = await list(fields);
        assert.equal(res.status, 400, fields);
        assert.equal(res.body.error.errors[0].reason, 'invalidParameter', fields);
        assert.equal(res.body.error.message, `Invalid fields: ${fields}`);
      }
      assert.equal((await get(users(`/${sb.people(1)[0].email}?fields=id(`))).status, 400);
    });

    it('answers a name the User (or Users) schema lacks with 400 Invalid field selection <name>', async () => {
      for (const [url, name] of [
        [users(`?customer=my_customer&fields=users(id,shoeSize)`), 'shoeSize'],
        [users(`?customer=my_customer&fields=items`), 'items'],
        [users(`/${sb.people(1)[0].email}?fields=id,username`), 'username'],
      ]) {
        const res = await get(url);
        assert.equal(res.status, 400, url);
        assert.deepEqual(res.body.error.errors[0], {
          message: `Invalid field selection ${name}`,
          domain: 'global',
          reason: 'invalidParameter',
        });
      }
      const inside = await list('users(organizations(shoeSize),primaryEmail)');
      assert.equal(inside.status, 200, 'names inside complex (any-typed) values are not checked');
      assert.ok(inside.body.users.every((u: Json) => keysOf(u).join() === 'primaryEmail'));
    });

    it('answers byte for byte as before without fields, whatever selections were served in between', async () => {
      const url = users('?customer=my_customer&maxResults=50');
      const before = await text(url);
      await list('users(id)', '&maxResults=50');
      await list('users(organizations(title))', '&maxResults=50');
      assert.equal(await text(url), before);
      assert.equal(await text(`${url}&fields=kind,etag,users,nextPageToken`), before, 'all named: the whole answer');
      const after = await list('users(id)', '&maxResults=50');
      assert.deepEqual(keysOf(after.body.users[0]), ['id'], 'a selection is not served from the whole users cached');
    });
  });
});

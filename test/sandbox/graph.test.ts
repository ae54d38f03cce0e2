import { strict as assert } from 'assert';
import { GRAPH_DEFAULT_PROPS } from '../../server/src/sandbox/graph-shape';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { bearer, call, graphPages, graphToken, type Json } from './helpers';

describe('sandbox: Microsoft Graph users', () => {
  let sb: Sandbox;
  let token: string;
  const users = (query = '') => `${sb.urls.graph}/v1.0/users${query}`;
  const get = (url: string) => call(url, bearer(token));

  before(async () => {
    sb = await startSandbox({ users: 250, seed: 'graph' });
    token = await graphToken(sb);
  });
  after(() => sb.close());

  it('pages through every user with @odata.nextLink: 100 per page by default', async () => {
    const pages = await graphPages(users(), token);
    assert.deepEqual(
      pages.map((p) => p.value.length),
      [100, 100, 50],
    );
    const ids = pages.flatMap((p) => p.value.map((u: { id: string }) => u.id));
    assert.equal(new Set(ids).size, 250);
    assert.equal(pages[0]['@odata.context'], `${sb.urls.graph}/v1.0/$metadata#users`);
  });

  it('keeps $select, $top and $filter in the nextLink next to an opaque $skiptoken', async () => {
    const first = await get(users('?$select=id,mail&$top=30&$filter=accountEnabled%20eq%20true'));
    const next = new URL(first.body['@odata.nextLink']);
    assert.equal(next.searchParams.get('$select'), 'id,mail');
    assert.equal(next.searchParams.get('$top'), '30');
    assert.equal(next.searchParams.get('$filter'), 'accountEnabled eq true');
    assert.ok(next.searchParams.get('$skiptoken'));
    const all = await graphPages(first.body['@odata.nextLink'], token);
    assert.ok(all.every((p) => p.value.every((u: object) => Object.keys(u).join() === 'id,mail')));
  });

  it('returns exactly the 11 default properties without $select', async () => {
    const res = await get(users('?$top=5'));
    for (const u of res.body.value) assert.deepEqual(Object.keys(u).sort(), [...GRAPH_DEFAULT_PROPS].sort());
  });

  it("rejects $top outside 1..999 with Graph's message", async () => {
    const res = await get(users('?$top=1000'));
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    assert.equal((await get(users('?$top=0'))).status, 400);
    assert.equal((await get(users('?$top=999'))).body.value.length, 250);
  });

  it('answers an unknown $select property with 400 and a listSupported:false one with 501', async () => {
    const unknown = await get(users('?$select=id,shoeSize'));
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /Could not find a property named 'shoeSize'/);
    const aboutMe = await get(users('?$select=id,aboutMe'));
    assert.equal(aboutMe.status, 501);
    const one = await get(users(`/${sb.people(1)[0].graphId}?$select=id,aboutMe,skills,birthday`));
    assert.equal(one.status, 200);
    assert.deepEqual(
      Object.keys(one.body).filter((k) => !k.startsWith('@')),
      ['id', 'aboutMe', 'skills', 'birthday'],
    );
  });

  it('filters on accountEnabled and id, and refuses other filters like Graph', async () => {
    const enabled = await graphPages(
      users('?$filter=accountEnabled eq true&$select=id,accountEnabled&$top=999'),
      token,
    );
    const values = enabled.flatMap((p) => p.value);
    assert.ok(values.length > 200 && values.length < 250);
    assert.ok(values.every((u) => u.accountEnabled === true));
    const someone = sb.people(10)[9];
    const byId = await get(users(`?$filter=id eq '${someone.graphId}'&$select=id,mail`));
    assert.deepEqual(byId.body.value, [{ id: someone.graphId, mail: byId.body.value[0].mail }]);
    const bad = await get(users("?$filter=endswith(mail,'@contoso.com')"));
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'Request_UnsupportedQuery');
  });

  it('expands the manager in place, keeps pages at 100 even with $top=999, and omits it when there is none', async () => {
    const res = await get(users('?$select=id,mail&$top=999&$expand=manager($select=id,mail)'));
    assert.equal(res.body.value.length, 100);
    const withManager = res.body.value.filter((u: Json) => u.manager);
    assert.ok(withManager.length > 50);
    assert.deepEqual(Object.keys(withManager[0].manager), ['@odata.type', 'id', 'mail']);
    assert.ok(res.body.value.some((u: Json) => !('manager' in u)));
  });

  it('gets one user by id or by UPN (guests included), 404 Request_ResourceNotFound otherwise', async () => {
    const guest = sb.people().find((p) => p.guest)!;
    const upn = `${guest.email.replace('@', '_')}#EXT#@contoso.onmicrosoft.com`;
    const byUpn = await get(users(`/${encodeURIComponent(upn)}?$select=id,mail,userPrincipalName,userType`));
    assert.equal(byUpn.status, 200);
    assert.equal(byUpn.body.mail, guest.email);
    assert.equal(byUpn.body.userType, 'Guest');
    const byId = await get(users(`/${guest.graphId}`));
    assert.equal(byId.body.userPrincipalName, upn);
    const missing = await get(users('/nobody@contoso.com'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
  });

  it('serves /users/{id}/manager, and 404 for someone without a manager', async () => {
    const people = sb.people();
    const managed = people.find((p) => p.manager >= 0)!;
    const res = await get(users(`/${managed.graphId}/manager?$select=id,mail`));
    assert.equal(res.status, 200);
    assert.equal(res.body.id, sb.people().find((p) => p.index === managed.manager)!.graphId);
    const top = people.find((p) => p.manager < 0)!;
    assert.equal((await get(users(`/${top.graphId}/manager`))).status, 404);
  });

  it('lists the directory extension and shows it only when selected and set', async () => {
    const ext = await call(`${sb.urls.graph}/v1.0/directoryObjects/getAvailableExtensionProperties`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(ext.body.value[0].name, sb.graphExtension);
    const page = await get(users(`?$select=id,${sb.graphExtension}&$top=100`));
    const withValue = page.body.value.filter((u: Json) => sb.graphExtension in u);
    assert.ok(withValue.length > 10 && withValue.length < 100, 'absent on people without a value');
  });

  it('sends x-ms-resource-unit on every response, and a Graph error body on 401', async () => {
    const ok = await get(users('?$select=id&$top=5'));
    assert.equal(ok.headers.get('x-ms-resource-unit'), '1');
    assert.equal((await get(users('?$top=5&$expand=manager'))).headers.get('x-ms-resource-unit'), '2');
    const anonymous = await call(users());
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'InvalidAuthenticationToken');
    assert.ok(anonymous.headers.get('x-ms-resource-unit'));
    assert.equal((await call(users(), bearer('forged'))).status, 401);
  });

  it('throttles on resource units with 429 and Retry-After', async () => {
    const small = await startSandbox({ users: 5, rateLimits: { graphResourceUnits: 3 } });
    try {
      const t = await graphToken(small);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await call(`${small.urls.graph}/v1.0/users?$select=id`, bearer(t))).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const throttled = await call(`${small.urls.graph}/v1.0/users?$select=id`, bearer(t));
      assert.ok(Number(throttled.headers.get('retry-after')) >= 1);
      assert.match(throttled.headers.get('x-ms-throttle-scope') ?? '', /^Tenant_Application\/Read\//);
    } finally {
      await small.close();
    }
  });
});

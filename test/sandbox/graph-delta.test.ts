import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { bearer, call, graphToken, type Fetched, type Json } from './helpers';

describe('sandbox: Microsoft Graph users/delta', () => {
  let sb: Sandbox;
  let token: string;

  beforeEach(async () => {
    sb = await startSandbox({ users: 120, seed: 'delta' });
    token = await graphToken(sb);
  });
  afterEach(() => sb.close());

  /** Follows a round to its deltaLink; returns the users seen and the link. */
  async function round(first: string, prefer?: string): Promise<{ values: Json[]; deltaLink: string; pages: number }> {
    const values: Json[] = [];
    let url: string | undefined = first;
    let pages = 0;
    for (;;) {
      const res: Fetched = await call(url!, {
        headers: { Authorization: `Bearer ${token}`, ...(prefer ? { Prefer: prefer } : {}) },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      pages++;
      values.push(...res.body.value);
      if (res.body['@odata.deltaLink']) return { values, deltaLink: res.body['@odata.deltaLink'], pages };
      url = res.body['@odata.nextLink'];
      assert.match(url!, /\$skiptoken=/);
    }
  }

  it('pages the first round with nextLink and ends it with a $deltatoken deltaLink', async () => {
    const r = await round(`${sb.urls.graph}/v1.0/users/delta?$select=id,department`, 'odata.maxpagesize=50');
    assert.equal(r.pages, 3);
    assert.equal(r.values.length, 120);
    assert.ok(r.values.every((u) => Object.keys(u).join() === 'id,department'));
    assert.match(r.deltaLink, /\/v1\.0\/users\/delta\?\$deltatoken=/);
  });

  it('then returns only the users changed since, with the $select of the first call', async () => {
    const first = await round(`${sb.urls.graph}/v1.0/users/delta?$select=id,department`);
    const [a, b] = sb.people(3).slice(1);
    sb.updateUser(a.email, { department: 'Quality' });
    sb.updateUser(b.email, { jobTitle: 'Chief Tester' });
    sb.updateUser(a.email, { department: 'Quality Assurance' });
    const second = await round(first.deltaLink);
    assert.deepEqual(second.values, [
      { id: a.graphId, department: 'Quality Assurance' },
      { id: b.graphId, department: b.department },
    ]);
    const third = await round(second.deltaLink);
    assert.deepEqual(third.values, []);
  });

  it('reports removed users as {id, @removed: {reason}}', async () => {
    const first = await round(`${sb.urls.graph}/v1.0/users/delta?$select=id,mail`);
    const [gone, soft] = sb.people(2);
    sb.removeUser(gone.email);
    sb.removeUser(soft.email, 'changed');
    const next = await round(first.deltaLink);
    assert.deepEqual(next.values, [
      { id: gone.graphId, '@removed': { reason: 'deleted' } },
      { id: soft.graphId, '@removed': { reason: 'changed' } },
    ]);
  });

  it('accepts only id filters and rejects listSupported:false properties', async () => {
    const p = sb.people(5)[4];
    const byId = await round(`${sb.urls.graph}/v1.0/users/delta?$select=id&$filter=id eq '${p.graphId}'`);
    assert.deepEqual(byId.values, [{ id: p.graphId }]);
    const other = await call(`${sb.urls.graph}/v1.0/users/delta?$filter=accountEnabled eq true`, bearer(token));
    assert.equal(other.status, 400);
    assert.equal((await call(`${sb.urls.graph}/v1.0/users/delta?$select=id,skills`, bearer(token))).status, 501);
  });
});

import { strict as assert } from 'assert';
import { jsonArray, jsonWithLists } from '../../server/src/sandbox/http';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { bearer, call, googleToken, graphPages, graphToken, type Json } from './helpers';

/**
 * The list routes answer from cached JSON (server/src/sandbox/shape-cache.ts). A cached answer must be
 * the answer: every change to a person, or to the manager shown inside a person, shows on the next page,
 * and a warm sandbox answers byte for byte what a cold one does.
 */
describe('sandbox: list pages from cached JSON', () => {
  const GRAPH_QUERY = '?$select=id,mail,department,accountEnabled&$expand=manager($select=displayName,mail)';
  let sb: Sandbox;
  let graph: string;

  before(async () => {
    sb = await startSandbox({ users: 120, seed: 'shape-cache' });
    graph = await graphToken(sb);
  });
  after(() => sb.close());

  const graphUsers = async (s: Sandbox, token: string, query = GRAPH_QUERY): Promise<Json[]> =>
    (await graphPages(`${s.urls.graph}/v1.0/users${query}`, token)).flatMap((p) => p.value);
  const byMail = (users: Json[], mail: string): Json => users.find((u) => u.mail.toLowerCase() === mail);
  const reportOf = (s: Sandbox) => s.people().find((p) => p.manager >= 0 && !p.guest)!;

  it('joins cached items into exactly the bytes JSON.stringify gives', () => {
    const items = [{ a: 'Zoë', n: null }, { b: ['x', 1] }, {}];
    const utf8 = items.map((i) => Buffer.from(JSON.stringify(i)));
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'k', skip: undefined, users: null, next: 'n' }, 'users'],
      [{ users: null }, 'users'],
      [{ first: 1, value: null }, 'value'],
    ];
    for (const [fields, list] of cases) {
      const expected = JSON.stringify({ ...fields, [list]: items });
      assert.equal(jsonWithLists(fields, { [list]: utf8 }).bytes.toString('utf8'), expected);
    }
    assert.equal(jsonWithLists({ value: null }, { value: [] }).bytes.toString(), '{"value":[]}');
    assert.equal(jsonArray(utf8).bytes.toString('utf8'), JSON.stringify(items));
    assert.equal(jsonArray([]).bytes.toString(), '[]');
  });

  it('shows a changed department on the next Graph page after a warm one', async () => {
    const p = sb.people()[10];
    assert.notEqual(byMail(await graphUsers(sb, graph), p.email), undefined);
    sb.updateUser(p.email, { department: 'Cache Busting' });
    assert.equal(byMail(await graphUsers(sb, graph), p.email).department, 'Cache Busting');
  });

  it("shows a manager's change inside the reports' expanded manager", async () => {
    const report = reportOf(sb);
    const manager = sb.people().find((p) => p.index === report.manager)!;
    await graphUsers(sb, graph);
    sb.updateUser(manager.email, { displayName: 'Renamed Manager' });
    assert.equal(byMail(await graphUsers(sb, graph), report.email).manager.displayName, 'Renamed Manager');
  });

  it('drops a removed person and re-filters a person whose filtered value changed', async () => {
    const [gone, disabled] = sb.people().slice(20, 22);
    const filtered = `${GRAPH_QUERY}&$filter=accountEnabled eq true`;
    const before = await graphUsers(sb, graph, filtered);
    assert.ok(byMail(before, gone.email) && byMail(before, disabled.email));
    sb.removeUser(gone.email);
    sb.updateUser(disabled.email, { enabled: false });
    const after = await graphUsers(sb, graph, filtered);
    assert.equal(byMail(after, gone.email), undefined);
    assert.equal(byMail(after, disabled.email), undefined);
    assert.equal(after.length, before.length - 2);
  });

  it('shows a person added after a warm page, on the page that now has room for them', async () => {
    const before = await graphUsers(sb, graph);
    sb.addUser({ email: 'new.hire@contoso.com', givenName: 'New', surname: 'Hire', department: 'Onboarding' });
    const after = await graphUsers(sb, graph);
    assert.equal(after.length, before.length + 1);
    assert.equal(byMail(after, 'new.hire@contoso.com').department, 'Onboarding');
  });

  it('answers a warm Graph list byte for byte like a cold sandbox after the same changes', async () => {
    const warm = await startSandbox({ users: 120, seed: 'bytes' });
    const cold = await startSandbox({ users: 120, seed: 'bytes' });
    try {
      const raw = async (s: Sandbox, token: string) => {
        const res = await fetch(`${s.urls.graph}/v1.0/users${GRAPH_QUERY}&$top=50`, bearer(token));
        return (await res.text()).split(s.url).join('<origin>');
      };
      const warmToken = await graphToken(warm);
      await graphUsers(warm, warmToken);
      for (const s of [warm, cold]) {
        const report = reportOf(s);
        s.updateUser(report.email, { department: 'Changed' });
        s.updateUser(s.people().find((p) => p.index === report.manager)!.email, { displayName: 'New Boss' });
      }
      assert.equal(await raw(warm, warmToken), await raw(cold, await graphToken(cold)));
    } finally {
      await Promise.all([warm.close(), cold.close()]);
    }
  });

  it("shows changes on Okta pages, the manager's display name included", async () => {
    const auth = { headers: { Authorization: `SSWS ${sb.credentials.okta.token}` } };
    const list = async (): Promise<Json[]> => (await call(`${sb.urls.okta}/api/v1/users?limit=200`, auth)).body;
    const report = reportOf(sb);
    const manager = sb.people().find((p) => p.index === report.manager)!;
    await list();
    sb.updateUser(report.email, { jobTitle: 'Cached Title' });
    sb.updateUser(manager.email, { displayName: 'Okta Boss' });
    const user = (await list()).find((u) => u.profile.login === report.email);
    assert.equal(user.profile.title, 'Cached Title');
    assert.equal(user.profile.manager, 'Okta Boss');
  });

  it('shows changes on Google pages, with a new etag', async () => {
    const token = await googleToken(sb);
    const list = async (): Promise<Json[]> =>
      (await call(`${sb.urls.googleApi}/admin/directory/v1/users?customer=my_customer&maxResults=500`, bearer(token)))
        .body.users;
    const p = sb.people()[30];
    const before = (await list()).find((u) => u.primaryEmail === p.email);
    sb.updateUser(p.email, { department: 'Google Cache' });
    const after = (await list()).find((u) => u.primaryEmail === p.email);
    assert.equal(after.organizations.find((o: Json) => o.primary).department, 'Google Cache');
    assert.notEqual(after.etag, before.etag);
  });
});

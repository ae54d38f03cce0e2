import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { call } from './helpers';

describe('sandbox: Confluence companion endpoint', () => {
  let sb: Sandbox;
  const companion = (path: string) => `${sb.urls.confluence}/rest/scriptrunner/latest/custom/usersync${path}`;
  const auth = () => ({ Authorization: `Bearer ${sb.credentials.confluence.token}` });
  const post = (changes: unknown) =>
    call(companion('/users'), {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes }),
    });
  const someone = () => sb.people().find((p) => sb.confluenceUser(p.email))!;

  beforeEach(async () => {
    sb = await startSandbox({ users: 60, seed: 'wiki' });
  });
  afterEach(() => sb.close());

  it('answers health as confluence and reads users with their profile fields', async () => {
    assert.equal((await call(companion('/health'), { headers: auth() })).body.product, 'confluence');
    const p = someone();
    const res = await call(companion(`/users?username=${encodeURIComponent(p.email)}`), { headers: auth() });
    assert.equal(typeof res.body.users[0].profile, 'object');
    assert.deepEqual(res.body.users[0].profile, sb.confluenceUser(p.email)!.profile);
  });

  it('cuts profile values to 255 characters silently and removes a field set to blank', async () => {
    const p = someone();
    const res = await post([{ username: p.email, set: { profile: { position: 'P'.repeat(300), department: '  ' } } }]);
    assert.deepEqual(res.body.results, [{ username: p.email, status: 'updated' }]);
    const profile = sb.confluenceUser(p.email)!.profile;
    assert.equal(profile.position, 'P'.repeat(255));
    assert.equal('department' in profile, false);
  });

  it('rejects any other profile key, and unsets the six fields on request', async () => {
    const p = someone();
    const before = sb.confluenceUser(p.email)!.profile;
    const bad = await post([{ username: p.email, set: { profile: { phone: '+1 555 0100', title: 'Boss' } } }]);
    assert.equal(bad.body.results[0].status, 'rejected');
    assert.match(bad.body.results[0].message, /'title' is not a profile field/);
    assert.deepEqual(sb.confluenceUser(p.email)!.profile, before);
    await post([{ username: p.email, set: { profile: { im: 'p@chat' } }, unset: { profile: ['location'] } }]);
    assert.equal(sb.confluenceUser(p.email)!.profile.im, 'p@chat');
    assert.equal(sb.confluenceUser(p.email)!.profile.location, undefined);
  });

  it('applies the Jira property rules to user properties', async () => {
    const p = someone();
    const res = await post([
      { username: p.email, set: { properties: { 'Employee Number': '42' } } },
      { username: p.email, set: { properties: { 'Employee#': '42' } } },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { status: string }) => r.status),
      ['updated', 'rejected'],
    );
    assert.equal(sb.confluenceUser(p.email)!.properties['Employee Number'], '42');
  });

  it('serves GET /rest/api/user without any profile fields, like the product', async () => {
    const p = someone();
    const res = await call(`${sb.urls.confluence}/rest/api/user?username=${encodeURIComponent(p.email)}`, {
      headers: auth(),
    });
    assert.equal(res.body.type, 'known');
    assert.match(res.body.userKey, /^[0-9a-f]{32}$/);
    assert.equal(res.body.position, undefined);
    assert.equal(
      (await call(`${sb.urls.confluence}/rest/api/user?key=${res.body.userKey}`, { headers: auth() })).body.username,
      p.email,
    );
  });
});

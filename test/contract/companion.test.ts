import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';

/**
 * The companion endpoint's contract (docs/companion.md), as the engine relies on it. It runs against the
 * sandbox by default, and against a real Jira or Confluence with the ScriptRunner endpoint installed when
 *   USERSYNC_CONTRACT_URL      base URL of the product, e.g. https://jira.example.com
 *   USERSYNC_CONTRACT_TOKEN    personal access token of an administrator
 *   USERSYNC_CONTRACT_USER     an existing username the test may write one property on (restored afterwards)
 * are set. The property it writes is "usersync contract test"; nothing else is touched.
 */

const COMPANION = '/rest/scriptrunner/latest/custom/usersync';
const KEY = 'usersync contract test';

interface Instance {
  product: 'jira' | 'confluence';
  base: string;
  token: string;
  user: string;
}

async function call(instance: Instance, method: string, path: string, body?: unknown, token = instance.token) {
  const res = await fetch(instance.base + COMPANION + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown> };
}

function names(n: number): string {
  return Array.from({ length: n }, (_, i) => `username=u${i}`).join('&');
}

const real = process.env.USERSYNC_CONTRACT_URL;

for (const product of real ? [undefined] : (['jira', 'confluence'] as const)) {
  describe(`companion contract${real ? ` (${real})` : ` (sandbox ${product})`}`, function () {
    let sandbox: Sandbox | undefined;
    let instance: Instance;

    before(async () => {
      if (real) {
        const health = await fetch(real + COMPANION + '/health', {
          headers: { authorization: `Bearer ${process.env.USERSYNC_CONTRACT_TOKEN ?? ''}` },
        });
        const body = (await health.json()) as { product: 'jira' | 'confluence' };
        instance = {
          product: body.product,
          base: real,
          token: process.env.USERSYNC_CONTRACT_TOKEN ?? '',
          user: process.env.USERSYNC_CONTRACT_USER ?? '',
        };
        return;
      }
      sandbox = await startSandbox({ users: 20, seed: 'contract', token: 'contract-token', rateLimits: false });
      const user = (product === 'jira' ? sandbox.jiraUsers() : sandbox.confluenceUsers())[0].username;
      instance = {
        product: product!,
        base: product === 'jira' ? sandbox.urls.jira : sandbox.urls.confluence,
        token: 'contract-token',
        user,
      };
    });

    after(async () => {
      await sandbox?.close();
    });

    it('answers health with the product, its version and companion 1', async () => {
      const { status, json } = await call(instance, 'GET', '/health');
      assert.equal(status, 200);
      assert.equal(json.product, instance.product);
      assert.match(String(json.version), /^\d+\.\d+/);
      assert.equal(json.companion, '1');
    });

    it('refuses a request without a valid token', async () => {
      const { status } = await call(instance, 'GET', '/health', undefined, 'not-a-token');
      assert.ok(status === 401 || status === 403, String(status));
    });

    it('reads users in bulk and names the missing ones', async () => {
      const missing = 'usersync-contract-nobody';
      const { status, json } = await call(
        instance,
        'GET',
        `/users?username=${encodeURIComponent(instance.user)}&username=${missing}`,
      );
      assert.equal(status, 200);
      const users = json.users as {
        username: string;
        key: string;
        active: boolean;
        properties: object;
        profile?: object;
      }[];
      assert.equal(users.length, 1);
      assert.equal(users[0].username, instance.user);
      assert.equal(typeof users[0].key, 'string');
      assert.equal(typeof users[0].active, 'boolean');
      assert.equal(typeof users[0].properties, 'object');
      if (instance.product === 'jira') assert.equal(users[0].profile, undefined);
      assert.deepEqual(json.missing, [missing]);
    });

    it('takes 1 to 100 names and answers 400 with a message otherwise', async () => {
      assert.equal((await call(instance, 'GET', `/users?${names(100)}`)).status, 200);
      const over = await call(instance, 'GET', `/users?${names(101)}`);
      assert.equal(over.status, 400);
      assert.equal(typeof over.json.message, 'string');
      assert.equal((await call(instance, 'GET', '/users')).status, 400);
    });

    it('sets and unsets a property, and reports unknown users as not_found', async () => {
      const set = await call(instance, 'POST', '/users', {
        changes: [
          { username: instance.user, set: { properties: { [KEY]: 'R&D · Zürich' } }, unset: {} },
          { username: 'usersync-contract-nobody', set: { properties: { [KEY]: 'x' } }, unset: {} },
        ],
      });
      assert.equal(set.status, 200);
      assert.deepEqual(set.json.results, [
        { username: instance.user, status: 'updated' },
        { username: 'usersync-contract-nobody', status: 'not_found' },
      ]);
      const read = await call(instance, 'GET', `/users?username=${encodeURIComponent(instance.user)}`);
      const props = (read.json.users as { properties: Record<string, string> }[])[0].properties;
      assert.equal(props[KEY], 'R&D · Zürich');

      const unset = await call(instance, 'POST', '/users', {
        changes: [{ username: instance.user, set: {}, unset: { properties: [KEY] } }],
      });
      assert.deepEqual(unset.json.results, [{ username: instance.user, status: 'updated' }]);
      const again = await call(instance, 'GET', `/users?username=${encodeURIComponent(instance.user)}`);
      assert.equal((again.json.users as { properties: Record<string, string> }[])[0].properties[KEY], undefined);
    });

    it('rejects a whole user change with a bad key or a value over 250 characters', async () => {
      const { json } = await call(instance, 'POST', '/users', {
        changes: [
          { username: instance.user, set: { properties: { 'Bad-Key!': 'x', [KEY]: 'fine' } }, unset: {} },
          { username: instance.user, set: { properties: { [KEY]: 'x'.repeat(251) } }, unset: {} },
        ],
      });
      const results = json.results as { status: string; message?: string }[];
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      );
      assert.ok(results.every((r) => typeof r.message === 'string' && r.message.length > 0));
      const read = await call(instance, 'GET', `/users?username=${encodeURIComponent(instance.user)}`);
      assert.equal((read.json.users as { properties: Record<string, string> }[])[0].properties[KEY], undefined);
    });

    it('answers 400 with a message for a malformed body', async () => {
      const res = await fetch(instance.base + COMPANION + '/users', {
        method: 'POST',
        headers: { authorization: `Bearer ${instance.token}`, 'content-type': 'application/json' },
        body: '{"changes": [',
      });
      assert.equal(res.status, 400);
      assert.equal(typeof ((await res.json()) as { message: unknown }).message, 'string');
    });

    if (product !== 'jira') {
      it('keeps the six profile fields, cuts them at 255 characters and refuses other fields', async function () {
        // a real instance under test may be Jira, which has no profile fields
        if (instance.product !== 'confluence') this.skip();
        const long = 'p'.repeat(300);
        const { json } = await call(instance, 'POST', '/users', {
          changes: [
            { username: instance.user, set: { profile: { position: long } }, unset: {} },
            { username: instance.user, set: { profile: { title: 'x' } }, unset: {} },
          ],
        });
        assert.deepEqual(
          (json.results as { status: string }[]).map((r) => r.status),
          ['updated', 'rejected'],
        );
        const read = await call(instance, 'GET', `/users?username=${encodeURIComponent(instance.user)}`);
        assert.equal(
          (read.json.users as { profile: Record<string, string> }[])[0].profile.position,
          long.slice(0, 255),
        );
      });
    }
  });
}

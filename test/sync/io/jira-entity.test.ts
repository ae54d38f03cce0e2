import { strict as assert } from 'assert';
import type { Expr } from '../../../server/src/model/model';
import { createTarget } from '../../../server/src/sync/targets';
import type { RunnableConnector } from '../../../server/src/sync/types';
import { startScriptedServer, type Recorded, type Reply, type ScriptedServer } from './scripted-server';

const span = { start: 0, end: 0 };
const expr: Expr = { kind: 'path', segments: [{ name: 'department', span }], span };

/** Jira's entity-property API as api-facts.md §4 describes it, for two users. */
function fakeJira(store: Map<string, Map<string, unknown>>) {
  return (r: Recorded): Reply => {
    const u = new URL(r.url, 'http://x');
    const username = u.searchParams.get('username') ?? '';
    const props = store.get(username);
    if (u.pathname === '/rest/api/2/user') {
      return props
        ? { body: { key: `JIRAUSER-${username}`, name: username, active: username !== 'carol' } }
        : { status: 404, body: { errorMessages: ["The user named 'x' does not exist"] } };
    }
    if (!props) return { status: 404, body: { errorMessages: ['no user'] } };
    if (u.pathname === '/rest/api/2/user/properties') {
      return { body: { keys: [...props.keys()].map((key) => ({ self: 'x', key })) } };
    }
    const key = decodeURIComponent(u.pathname.slice('/rest/api/2/user/properties/'.length));
    if (r.method === 'GET') return props.has(key) ? { body: { key, value: props.get(key) } } : { status: 404 };
    if (r.method === 'DELETE') return props.delete(key) ? { status: 204 } : { status: 404 };
    if (r.method === 'PUT') {
      if (key === 'Forbidden') return { status: 400, body: { errorMessages: ['The property key is invalid'] } };
      const existed = props.has(key);
      props.set(key, JSON.parse(r.body));
      return { status: existed ? 200 : 201 };
    }
    return { status: 405 };
  };
}

describe('Jira target with store = entity', () => {
  let server: ScriptedServer;
  let store: Map<string, Map<string, unknown>>;
  let connector: RunnableConnector;
  before(async () => {
    server = await startScriptedServer((r) => fakeJira(store)(r));
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    store = new Map([
      [
        'alice',
        new Map<string, unknown>([
          ['Department', 'R&D'],
          ['other.app', { big: [1, 2, 3] }],
          ['Badge', 42],
        ]),
      ],
      ['carol', new Map<string, unknown>()],
    ]);
    connector = {
      name: 'e',
      source: { type: 'azure', settings: {} },
      target: { type: 'jira', settings: { url: server.url, token: 'pat-entity-123456', store: 'entity' } },
      match: expr,
      mappings: [
        { kind: 'property', key: 'Department', expr },
        { kind: 'property', key: 'Badge', expr },
        { kind: 'property', key: 'Cost Center', expr },
      ],
      onEmpty: 'keep',
      clearGuard: 1,
      users: [],
      secrets: [],
    };
  });

  it('reads existence per user and only the mapped keys’ values', async () => {
    const target = createTarget(connector, { configDir: '.' });
    const res = await target.read(['alice', 'bob', 'carol'], {});
    assert.deepEqual(res.missing, ['bob']);
    assert.deepEqual(res.users, [
      {
        username: 'alice',
        key: 'JIRAUSER-alice',
        active: true,
        properties: { Department: 'R&D', Badge: '42' },
        profile: {},
      },
      { username: 'carol', key: 'JIRAUSER-carol', active: false, properties: {}, profile: {} },
    ]);
    assert.ok(!server.requests.some((r) => r.url.includes('other.app')), 'a key the connector does not map was read');
  });

  it('PUTs values as JSON strings, DELETEs unset keys and reports per-user status', async () => {
    const target = createTarget(connector, { configDir: '.' });
    const results = await target.write(
      [
        { username: 'alice', set: { properties: { 'Cost Center': 'CC 100' } }, unset: { properties: ['Badge'] } },
        { username: 'bob', set: { properties: { Department: 'Ops' } }, unset: {} },
        { username: 'carol', set: { properties: { Forbidden: 'x' } }, unset: {} },
        { username: 'carol', set: { properties: { Department: 'x'.repeat(40_000) } }, unset: {} },
        { username: 'carol', set: { profile: { phone: '1' } }, unset: {} },
      ],
      {},
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['updated', 'not_found', 'rejected', 'rejected', 'rejected'],
    );
    assert.equal(results[2].message, 'The property key is invalid');
    assert.match(results[3].message ?? '', /32768 bytes/);
    assert.equal(store.get('alice')?.get('Cost Center'), 'CC 100');
    assert.equal(store.get('alice')?.has('Badge'), false);
    const put = server.requests.find(
      (r) => r.method === 'PUT' && r.url.startsWith('/rest/api/2/user/properties/Cost%20Center?username=alice'),
    );
    assert.equal(put?.body, '"CC 100"');
    assert.equal(put?.headers.authorization, 'Bearer pat-entity-123456');
  });
});

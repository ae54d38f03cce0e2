import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/server';
import type { HttpEvent } from '../../../server/src/sync/http/client';
import { createTarget } from '../../../server/src/sync/targets';
import type { RunnableConnector, UserChange } from '../../../server/src/sync/types';
import { ioOptions, path } from './sandbox-fixture';

function connector(
  sb: Sandbox,
  type: 'jira' | 'confluence',
  extra: Record<string, string> = {},
  keys: string[] = [],
): RunnableConnector {
  return {
    name: 'targets',
    source: { type: 'azure', settings: {} },
    target: {
      type,
      settings: { url: type === 'jira' ? sb.urls.jira : sb.urls.confluence, token: sb.credentials.token, ...extra },
    },
    match: path('mail'),
    mappings: keys.map((key) => ({ kind: 'property', key, expr: path('department') })),
    onEmpty: 'keep',
    clearGuard: 1,
    users: [],
    secrets: [sb.credentials.token],
  };
}

const countOf = (sb: Sandbox, vendor: 'jira' | 'confluence', route: string) =>
  sb.stats().requests[vendor]?.[route] ?? 0;

describe('Atlassian targets against the sandbox', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ users: 260, seed: 'targets-io', rateLimits: false });
  });
  after(() => sb.close());

  it('checks health and reads every Jira user in batches of 100, reporting missing names', async () => {
    const target = createTarget(connector(sb, 'jira'), ioOptions());
    assert.deepEqual(await target.health({}), { product: 'jira', version: '9.12.2' });
    const expected = sb.jiraUsers();
    const before = countOf(sb, 'jira', 'GET /rest/scriptrunner/latest/custom/usersync/users');
    const res = await target.read([...expected.map((u) => u.username), 'ghost-1', 'ghost-2'], {});
    assert.equal(
      countOf(sb, 'jira', 'GET /rest/scriptrunner/latest/custom/usersync/users') - before,
      Math.ceil((expected.length + 2) / 100),
    );
    assert.deepEqual(res.missing.sort(), ['ghost-1', 'ghost-2']);
    assert.equal(res.users.length, expected.length);
    const one = expected[10];
    assert.deepEqual(
      res.users.find((u) => u.username === one.username),
      { username: one.username, key: one.key, active: one.active, properties: one.properties, profile: {} },
    );
  });

  it('writes Jira properties in batches and reports updated, not_found and rejected', async () => {
    const target = createTarget(connector(sb, 'jira'), ioOptions());
    const names = sb
      .jiraUsers()
      .slice(0, 150)
      .map((u) => u.username);
    const changes: UserChange[] = names.map((username) => ({
      username,
      set: { properties: { Department: 'Sync Test' } },
      unset: {},
    }));
    changes.push({ username: 'nobody-here', set: { properties: { Department: 'x' } }, unset: {} });
    changes.push({ username: names[0], set: { properties: { 'Bad-Key!': 'x' } }, unset: {} });
    const results = await target.write(changes, {});
    assert.equal(results.length, changes.length);
    assert.equal(results.filter((r) => r.status === 'updated').length, 150);
    assert.equal(results.find((r) => r.username === 'nobody-here')?.status, 'not_found');
    const rejected = results.filter((r) => r.status === 'rejected');
    assert.equal(rejected.length, 1);
    assert.match(rejected[0].message ?? '', /letters, digits and spaces/);
    assert.equal(sb.jiraUser(names[149])?.properties.Department, 'Sync Test');
  });

  it('writes Confluence profile fields, which the product cuts at 255 characters', async () => {
    const target = createTarget(connector(sb, 'confluence'), ioOptions());
    const user = sb.confluenceUsers()[5];
    const results = await target.write(
      [
        {
          username: user.username,
          set: { profile: { position: 'P'.repeat(300), phone: '+1 555 0100' } },
          unset: { profile: ['im'] },
        },
      ],
      {},
    );
    assert.deepEqual(results, [{ username: user.username, status: 'updated' }]);
    const read = await target.read([user.username], {});
    assert.equal(read.users[0].profile.position, 'P'.repeat(255));
    assert.equal(read.users[0].profile.phone, '+1 555 0100');
  });

  it('ends with the same state as a clean run when requests fault', async () => {
    const target = createTarget(connector(sb, 'jira'), ioOptions());
    const names = sb
      .jiraUsers()
      .slice(0, 250)
      .map((u) => u.username);
    const clean = await target.read(names, {});
    sb.setFaults('429=0.1,500=0.1,503=0.1,reset=0.05');
    try {
      const events: HttpEvent[] = [];
      const faulty = createTarget(connector(sb, 'jira'), ioOptions(events));
      assert.deepEqual(await faulty.read(names, {}), clean);
      const results = await faulty.write(
        names.map((username) => ({ username, set: { properties: { Title: 'Faulty' } }, unset: {} })),
        {},
      );
      assert.ok(results.every((r) => r.status === 'updated'));
      assert.ok(
        events.some((e) => e.kind === 'retry'),
        'faults were injected',
      );
    } finally {
      sb.setFaults(undefined);
    }
    assert.ok(names.every((n) => sb.jiraUser(n)?.properties.Title === 'Faulty'));
  });

  it('fails every change with a clear message when the token is refused', async () => {
    const target = createTarget(connector(sb, 'jira', { token: 'wrong-token-value' }), ioOptions());
    const results = await target.write([{ username: 'a', set: { properties: { X: 'y' } }, unset: {} }], {});
    assert.equal(results[0].status, 'failed');
    assert.match(results[0].message ?? '', /token was not accepted/);
    await assert.rejects(target.read(['a'], {}), /HTTP 401/);
  });

  it('uses Jira entity properties with store = entity', async () => {
    const target = createTarget(connector(sb, 'jira', { store: 'entity' }, ['Department', 'Cost Center']), ioOptions());
    const user = sb.jiraUsers()[20];
    const results = await target.write(
      [
        {
          username: user.username,
          set: { properties: { Department: 'Entity Dept', 'Cost Center': 'CC-9' } },
          unset: {},
        },
        { username: 'no-such-user', set: { properties: { Department: 'x' } }, unset: {} },
      ],
      {},
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['updated', 'not_found'],
    );
    assert.equal(sb.jiraUser(user.username)?.entity.get('Cost Center'), '"CC-9"');
    await target.write([{ username: user.username, set: {}, unset: { properties: ['Cost Center'] } }], {});
    const read = await target.read([user.username, 'no-such-user'], {});
    assert.deepEqual(read.users[0].properties, { Department: 'Entity Dept' });
    assert.deepEqual(read.missing, ['no-such-user']);
  });
});

import { strict as assert } from 'assert';
import type { Expr } from '../../../server/src/model/model';
import { createTarget } from '../../../server/src/sync/targets';
import type { RunnableConnector, UserChange } from '../../../server/src/sync/types';
import { startScriptedServer, type Recorded, type Reply, type ScriptedServer } from './scripted-server';

const span = { start: 0, end: 0 };
const BASE = '/rest/scriptrunner/latest/custom/usersync';
const PAT = 'pat-0123456789abcdef';

function connector(
  url: string,
  target: 'jira' | 'confluence' = 'jira',
  extra: Record<string, string> = {},
): RunnableConnector {
  const expr: Expr = { kind: 'path', segments: [{ name: 'department', span }], span };
  return {
    name: 't',
    source: { type: 'azure', settings: {} },
    target: { type: target, settings: { url, token: PAT, ...extra } },
    match: expr,
    mappings: [{ kind: 'property', key: 'Department', expr }],
    onEmpty: 'keep',
    clearGuard: 1,
    users: [],
    secrets: [PAT],
  };
}

const change = (username: string): UserChange => ({ username, set: { properties: { Department: 'R&D' } }, unset: {} });
const names = (r: Recorded) => new URL(r.url, 'http://x').searchParams.getAll('username');
const opts = { configDir: '.', http: { maxRetries: 2, backoff: { baseMs: 1, maxMs: 5 } } };

describe('companion target against scripted answers', () => {
  let server: ScriptedServer;
  let handler: (r: Recorded) => Reply = () => ({});
  before(async () => {
    server = await startScriptedServer((r) => handler(r));
  });
  after(() => server.close());
  beforeEach(() => (server.requests.length = 0));

  it('reads in batches of at most 100 repeated username parameters', async () => {
    handler = (r) => {
      const n = names(r);
      return {
        body: {
          users: n
            .filter((x) => !x.endsWith('9'))
            .map((username) => ({ username, key: `K-${username}`, active: true, properties: {} })),
          missing: n.filter((x) => x.endsWith('9')),
        },
      };
    };
    const wanted = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const res = await createTarget(connector(server.url), opts).read(wanted, {});
    assert.deepEqual(
      server.requests.map((r) => names(r).length),
      [100, 100, 50],
    );
    assert.ok(
      server.requests.every((r) => r.url.startsWith(`${BASE}/users?`) && r.headers.authorization === `Bearer ${PAT}`),
    );
    assert.equal(res.users.length + res.missing.length, 250);
    assert.equal(res.missing.length, 25);
    assert.deepEqual(res.users[0], { username: 'u0', key: 'K-u0', active: true, properties: {}, profile: {} });
  });

  it('writes in batches of 100 and maps each result, including rejected and not_found', async () => {
    handler = (r) => {
      const { changes } = JSON.parse(r.body) as { changes: UserChange[] };
      const results = changes
        .map((c) =>
          c.username === 'u1'
            ? { username: c.username, status: 'rejected', message: 'value too long' }
            : c.username === 'u2'
              ? { username: c.username, status: 'not_found' }
              : c.username === 'u3'
                ? { username: c.username, status: 'exploded' }
                : c.username === 'u4'
                  ? undefined
                  : { username: c.username, status: 'updated' },
        )
        .filter((x) => x);
      return { body: { results } };
    };
    const changes = Array.from({ length: 150 }, (_, i) => change(`u${i}`));
    const results = await createTarget(connector(server.url), opts).write(changes, {});
    assert.deepEqual(
      server.requests.map((r) => (JSON.parse(r.body) as { changes: unknown[] }).changes.length),
      [100, 50],
    );
    assert.equal(results.length, 150);
    const by = new Map(results.map((r) => [r.username, r]));
    assert.deepEqual(by.get('u1'), { username: 'u1', status: 'rejected', message: 'value too long' });
    assert.equal(by.get('u2')?.status, 'not_found');
    assert.equal(by.get('u3')?.status, 'failed');
    assert.match(by.get('u4')?.message ?? '', /no result/);
    assert.equal(results.filter((r) => r.status === 'updated').length, 146);
  });

  it('marks every change of a batch that keeps failing as failed, and still sends the next batch', async () => {
    let posts = 0;
    handler = (r) => {
      const { changes } = JSON.parse(r.body) as { changes: UserChange[] };
      if (changes[0].username === 'u0') {
        posts++;
        return { status: 503, body: { message: 'busy' } };
      }
      return { body: { results: changes.map((c) => ({ username: c.username, status: 'updated' })) } };
    };
    const changes = Array.from({ length: 120 }, (_, i) => change(`u${i}`));
    const results = await createTarget(connector(server.url), opts).write(changes, {});
    assert.equal(posts, 3, 'the first batch was tried 1 + maxRetries times');
    const failed = results.filter((r) => r.status === 'failed');
    assert.equal(failed.length, 100);
    assert.match(failed[0].message ?? '', /HTTP 503/);
    assert.equal(results.filter((r) => r.status === 'updated').length, 20);
  });

  it('stops sending after a 401 and fails every change with a message about the token', async () => {
    handler = () => ({ status: 401, body: { message: 'unauthorized' } });
    const changes = Array.from({ length: 250 }, (_, i) => change(`u${i}`));
    const results = await createTarget(connector(server.url), opts).write(changes, {});
    assert.equal(server.requests.length, 1);
    assert.equal(results.length, 250);
    assert.ok(
      results.every((r) => r.status === 'failed' && /token was not accepted \(HTTP 401\)/.test(r.message ?? '')),
    );
    assert.ok(results.every((r) => !(r.message ?? '').includes(PAT)));
  });

  it('throws a clear one-line error when a read is refused or malformed', async () => {
    handler = () => ({ status: 403, body: { message: 'not an admin' } });
    await assert.rejects(createTarget(connector(server.url), opts).read(['a'], {}), /HTTP 403\): not an admin/);
    handler = () => ({ status: 400, body: { message: 'too many names' } });
    await assert.rejects(
      createTarget(connector(server.url), opts).read(['a'], {}),
      /malformed \(HTTP 400\): too many names/,
    );
    handler = () => ({ status: 404, body: 'Not Found' });
    await assert.rejects(createTarget(connector(server.url), opts).health({}), /companion_path/);
  });

  it('checks that the companion serves the configured product', async () => {
    handler = () => ({ body: { product: 'confluence', version: '8.5.4', companion: '1' } });
    assert.deepEqual(await createTarget(connector(server.url, 'confluence'), opts).health({}), {
      product: 'confluence',
      version: '8.5.4',
    });
    await assert.rejects(
      createTarget(connector(server.url, 'jira'), opts).health({}),
      /answers for "confluence", not jira/,
    );
  });

  it('uses companion_path when set', async () => {
    handler = () => ({ body: { product: 'jira', version: '9.12.2', companion: '1' } });
    await createTarget(connector(server.url, 'jira', { companion_path: '/custom/sync' }), opts).health({});
    assert.equal(server.requests[0].url, '/custom/sync/health');
  });
});

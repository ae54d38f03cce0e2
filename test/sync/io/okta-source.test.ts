import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/server';
import type { HttpEvent } from '../../../server/src/sync/http/client';
import { createSource } from '../../../server/src/sync/sources';
import { ioOptions, loggedQueries, oktaSettings, readAll, runnable } from './sandbox-fixture';

describe('Okta source against the sandbox', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ users: 230, seed: 'okta-io', rateLimits: false });
  });
  after(() => sb.close());

  const listed = () => sb.people().filter((p) => p.oktaStatus !== 'DEPROVISIONED');

  it('follows Link rel="next" through every page', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(oktaSettings(sb), 'profile.login', ['profile.department']),
      ioOptions(events, { pageSize: 25 }),
    );
    const { pages, ids } = await readAll(reader);
    assert.equal(pages.length, Math.ceil(listed().length / 25));
    assert.deepEqual(new Set(ids), new Set(listed().map((p) => p.oktaId)));
    assert.equal(new Set(ids).size, ids.length);
    const queries = loggedQueries(events, '/api/v1/users');
    assert.equal(queries[0].get('limit'), '25');
    assert.ok(
      queries.slice(1).every((q) => q.get('after')),
      'later pages come from the Link header',
    );
  });

  it('projects every page to what the connector reads (fields), and the next links keep the projection', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(oktaSettings(sb), 'profile.login', ['profile.department', 'profile.badgeNumber']),
      ioOptions(events, { pageSize: 100 }),
    );
    const { pages, ids } = await readAll(reader);
    assert.deepEqual(new Set(ids), new Set(listed().map((p) => p.oktaId)));
    const queries = loggedQueries(events, '/api/v1/users');
    assert.equal(queries.length, pages.length);
    assert.ok(queries.every((q) => q.get('fields') === 'id,status,lastUpdated,profile:(login,department,badgeNumber)'));
    const users = pages.flatMap((p) => p.users.map((u) => u.raw));
    assert.deepEqual([...new Set(users.flatMap((u) => Object.keys(u)))].sort(), [
      'id',
      'lastUpdated',
      'profile',
      'status',
    ]);
    const profileKeys = new Set(users.flatMap((u) => Object.keys(u.profile as object)));
    assert.ok(
      [...profileKeys].every((k) => ['login', 'department', 'badgeNumber'].includes(k)),
      [...profileKeys].join(),
    );
  });

  it('passes the configured search and reads only what changed since the last run', async () => {
    const events: HttpEvent[] = [];
    const connector = runnable(oktaSettings(sb, { search: 'status eq "ACTIVE"' }), 'profile.login', ['profile.title']);
    const reader = createSource(connector, ioOptions(events));
    const first = await readAll(reader);
    assert.ok(first.ids.length > 0);
    const since = reader.nextSince();
    assert.ok(since && !Number.isNaN(Date.parse(since)));
    const person = sb.people().find((p) => p.oktaStatus === 'ACTIVE')!;
    sb.updateUser(person.email, { jobTitle: 'Okta Incremental' });
    events.length = 0;
    const second = await readAll(reader, since);
    assert.deepEqual(second.ids, [person.oktaId]);
    assert.equal((second.pages[0].users[0].raw.profile as { title: string }).title, 'Okta Incremental');
    assert.equal(
      loggedQueries(events, '/api/v1/users')[0].get('search'),
      `(status eq "ACTIVE") and lastUpdated gt "${since}"`,
    );
    assert.ok(reader.nextSince()! > since);
  });

  it('reports deprovisioned users as removed in an incremental read without a search', async () => {
    const reader = createSource(runnable(oktaSettings(sb), 'profile.login', ['profile.title']), ioOptions());
    await readAll(reader);
    const since = reader.nextSince();
    const gone = listed()[7];
    sb.updateUser(gone.email, { oktaStatus: 'DEPROVISIONED' });
    const second = await readAll(reader, since);
    assert.deepEqual(second.removed, [gone.oktaId]);
    assert.ok(!second.ids.includes(gone.oktaId));
  });

  it('gets one user by login, URL-encoded, and undefined when Okta has none', async () => {
    const person = listed()[3];
    const reader = createSource(runnable(oktaSettings(sb), 'profile.login', []), ioOptions());
    assert.equal((await reader.get(person.email, {}))?.id, person.oktaId);
    assert.equal(await reader.get('no such+user@contoso.com', {}), undefined);
  });

  it('signs in as an OAuth service app with a private key', async () => {
    const { clientId, privateKey } = sb.credentials.okta;
    const reader = createSource(
      runnable(
        { type: 'okta', settings: { org_url: sb.urls.okta, client_id: clientId, private_key: privateKey } },
        'profile.login',
        [],
      ),
      ioOptions(),
    );
    const { ids } = await readAll(reader);
    assert.equal(ids.length, listed().length);
    assert.equal(sb.stats().requests.okta?.['POST /oauth2/v1/token'], 1);
  });

  it('slows down as X-Rate-Limit-Remaining runs low', async () => {
    const limited = await startSandbox({ users: 95, seed: 'okta-slow', rateLimits: { oktaPerMinute: 20 } });
    try {
      const events: HttpEvent[] = [];
      const reader = createSource(
        runnable(oktaSettings(limited), 'profile.login', []),
        ioOptions(events, { pageSize: 5 }),
      );
      await readAll(reader);
      const slowdowns = events.filter((e) => e.kind === 'slowdown');
      assert.ok(slowdowns.length > 0 && slowdowns.every((e) => (e.waitMs ?? 0) > 0));
      assert.equal(events.filter((e) => e.kind === 'retry').length, 0, 'stayed within the budget');
    } finally {
      await limited.close();
    }
  });

  it('sleeps until X-Rate-Limit-Reset after a 429, then carries on', async () => {
    const events: HttpEvent[] = [];
    const log = (e: HttpEvent) => {
      events.push(e);
      if (e.kind === 'retry') sb.setFaults(undefined);
    };
    const reader = createSource(runnable(oktaSettings(sb), 'profile.login', []), {
      ...ioOptions([], { pageSize: 100 }),
      log,
      http: { maxRetries: 2, backoff: { baseMs: 1, maxMs: 3000 } },
    });
    sb.setFaults('429=1');
    const { ids } = await readAll(reader);
    const retry = events.find((e) => e.kind === 'retry')!;
    assert.equal(retry.status, 429);
    // The sandbox's fault 429 says Reset = ceil(now + 1 s): the reader waits for it, not for its 1 ms backoff.
    assert.ok(retry.waitMs! > 500 && retry.waitMs! <= 2000, `waited ${retry.waitMs} ms`);
    assert.equal(ids.length, listed().length);
  });
});

import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/server';
import type { HttpEvent } from '../../../server/src/sync/http/client';
import { createSource } from '../../../server/src/sync/sources';
import { googleSettings, ioOptions, loggedQueries, readAll, runnable } from './sandbox-fixture';

describe('Google source against the Directory sandbox', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ users: 260, seed: 'google-io', rateLimits: false });
  });
  after(() => sb.close());

  it('pages with pageToken through every user, basic projection unless customSchemas are used', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(googleSettings(sb), 'primaryEmail', ['organizations[primary=true].title']),
      ioOptions(events, { pageSize: 100 }),
    );
    const { pages, ids } = await readAll(reader);
    assert.equal(pages.length, 3);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(new Set(ids), new Set(sb.people().map((p) => p.googleId)));
    const queries = loggedQueries(events, '/admin/directory/v1/users');
    assert.equal(queries[0].get('customer'), 'my_customer');
    assert.equal(queries[0].get('maxResults'), '100');
    assert.ok(queries.every((q) => !q.has('projection')));
    assert.ok(queries.slice(1).every((q) => q.get('pageToken')));
    assert.equal(reader.nextSince(), undefined);
  });

  it('asks for projection=full when a customSchemas attribute is mapped, and passes domain and query', async () => {
    const events: HttpEvent[] = [];
    const settings = googleSettings(sb, { domain: 'contoso.com', query: 'isSuspended=false' });
    const reader = createSource(
      runnable(settings, 'primaryEmail', ['customSchemas.employmentData.badge']),
      ioOptions(events),
    );
    const { ids } = await readAll(reader);
    assert.ok(ids.length > 0);
    const [q] = loggedQueries(events, '/admin/directory/v1/users');
    assert.deepEqual(
      [q.get('projection'), q.get('domain'), q.get('customer'), q.get('query'), q.get('maxResults')],
      ['full', 'contoso.com', null, 'isSuspended=false', '500'],
    );
  });

  it('asks only for the User fields the connector reads, and each user carries nothing else', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(googleSettings(sb), 'primaryEmail', ['organizations[primary=true].title', 'name.fullName']),
      ioOptions(events, { pageSize: 100 }),
    );
    const { pages, ids } = await readAll(reader);
    assert.deepEqual(new Set(ids), new Set(sb.people().map((p) => p.googleId)));
    const queries = loggedQueries(events, '/admin/directory/v1/users');
    assert.ok(queries.every((q) => q.get('fields') === 'nextPageToken,users(id,primaryEmail,organizations,name)'));
    const keys = new Set(pages.flatMap((p) => p.users.flatMap((u) => Object.keys(u.raw))));
    assert.deepEqual([...keys].sort(), ['id', 'name', 'organizations', 'primaryEmail']);
  });

  it('retries a 403 userRateLimitExceeded', async () => {
    const events: HttpEvent[] = [];
    const log = (e: HttpEvent) => {
      events.push(e);
      if (e.kind === 'retry') sb.setFaults(undefined);
    };
    sb.setFaults('429=1'); // the Directory API answers over-quota with 403, not 429 (api-facts.md §3)
    const { ids } = await readAll(
      createSource(runnable(googleSettings(sb), 'primaryEmail', []), { ...ioOptions(), log }),
    );
    assert.equal(events.find((e) => e.kind === 'retry')?.status, 403);
    assert.equal(ids.length, sb.people().length);
  });

  it('gets one user by primary email, with only the fields the connector reads, and undefined for an unknown one', async () => {
    const person = sb.people()[4];
    const reader = createSource(runnable(googleSettings(sb), 'primaryEmail', ['name.fullName']), ioOptions());
    const found = await reader.get(person.email, {});
    assert.equal(found?.id, person.googleId);
    assert.deepEqual(Object.keys(found.raw).sort(), ['id', 'name', 'primaryEmail']);
    assert.equal(await reader.get('ghost@contoso.com', {}), undefined);
  });
});

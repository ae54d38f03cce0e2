import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/server';
import type { HttpEvent } from '../../../server/src/sync/http/client';
import { createSource } from '../../../server/src/sync/sources';
import { azureSettings, ioOptions, loggedQueries, readAll, runnable } from './sandbox-fixture';

describe('Entra ID source against the Graph sandbox', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ users: 1250, seed: 'azure-io', rateLimits: false });
  });
  after(() => sb.close());

  const present = () => sb.people().filter((p) => !p.removed);

  it('lists every user across pages of 999 and selects exactly the properties the connector uses', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(azureSettings(sb), 'userPrincipalName', ['department', 'employeeOrgData.costCenter', 'mail']),
      ioOptions(events),
    );
    const { pages, ids } = await readAll(reader);
    assert.equal(pages.length, 2);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(new Set(ids), new Set(present().map((p) => p.graphId)));
    const [first] = loggedQueries(events, '/v1.0/users');
    assert.equal(first.get('$select'), 'id,userPrincipalName,department,employeeOrgData,mail');
    assert.equal(first.get('$top'), '999');
    assert.equal(first.get('$expand'), null);
    const sample = pages[0].users[0].raw;
    assert.deepEqual(Object.keys(sample).sort(), ['department', 'employeeOrgData', 'id', 'mail', 'userPrincipalName']);
  });

  it('expands the manager with only the manager fields used (pages of at most 100)', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(azureSettings(sb), 'userPrincipalName', ['manager.mail', 'department']),
      ioOptions(events),
    );
    const { pages } = await readAll(reader);
    assert.ok(pages.every((p) => p.users.length <= 100));
    assert.equal(
      pages.reduce((n, p) => n + p.users.length, 0),
      present().length,
    );
    assert.equal(loggedQueries(events, '/v1.0/users')[0].get('$expand'), 'manager($select=id,mail)');
    const withManager = pages.flatMap((p) => p.users).find((u) => u.raw.manager);
    assert.ok(withManager, 'some user has a manager');
    const person = sb.people().find((p) => p.graphId === withManager.id)!;
    const manager = sb.people().find((p) => p.index === person.manager)!;
    assert.equal((withManager.raw.manager as { mail: string }).mail.toLowerCase(), manager.email);
  });

  it('reads listSupported:false properties one user at a time', async () => {
    const small = await startSandbox({ users: 30, seed: 'azure-per-user', rateLimits: false });
    try {
      const events: HttpEvent[] = [];
      const reader = createSource(
        runnable(azureSettings(small), 'userPrincipalName', ['aboutMe', 'department']),
        ioOptions(events, { concurrency: 3 }),
      );
      const { pages } = await readAll(reader);
      const users = pages.flatMap((p) => p.users);
      assert.ok(!loggedQueries(events, '/v1.0/users')[0].get('$select')?.includes('aboutMe'));
      const perUser = events.filter(
        (e) => e.kind === 'response' && /\/v1\.0\/users\/[^/?]+\?/.test(e.url) && !e.url.includes('/delta'),
      );
      assert.equal(perUser.length, users.length);
      assert.ok(perUser.every((e) => new URL(e.url).searchParams.get('$select') === 'aboutMe'));
      const written = small.people().find((p) => p.aboutMe);
      assert.equal(users.find((u) => u.id === written?.graphId)?.raw.aboutMe, written?.aboutMe);
    } finally {
      await small.close();
    }
  });

  it('returns only changes and removals on the run after a full read', async () => {
    const reader = createSource(runnable(azureSettings(sb), 'userPrincipalName', ['department']), ioOptions());
    await readAll(reader);
    const since = reader.nextSince();
    assert.ok(since?.includes('/v1.0/users/delta'), 'a delta link after a full read');
    const [a, b] = present().slice(3, 5);
    sb.updateUser(a.email, { department: 'Delta Testing' });
    sb.removeUser(b.email, 'deleted');
    const second = await readAll(reader, since);
    assert.deepEqual(second.ids, [a.graphId]);
    assert.equal(second.pages[0].users[0].raw.department, 'Delta Testing');
    assert.deepEqual(second.removed, [b.graphId]);
    const third = await readAll(reader, reader.nextSince());
    assert.deepEqual([third.ids, third.removed], [[], []]);
  });

  it('falls back to a full read when the stored token has expired or is not a delta link', async () => {
    const reader = createSource(runnable(azureSettings(sb), 'userPrincipalName', ['department']), ioOptions());
    for (const since of [`${sb.urls.graph}/v1.0/users/delta?$deltatoken=expired`, '2025-01-01T00:00:00.000Z']) {
      const { ids } = await readAll(reader, since);
      assert.equal(ids.length, present().length);
      assert.ok(reader.nextSince()?.includes('/v1.0/users/delta'));
    }
  });

  it('re-reads changed users for their manager when the manager is mapped', async () => {
    const reader = createSource(runnable(azureSettings(sb), 'userPrincipalName', ['manager.mail']), ioOptions());
    await readAll(reader);
    const person = present().find((p) => p.manager >= 0)!;
    sb.updateUser(person.email, { jobTitle: 'Changed' });
    const second = await readAll(reader, reader.nextSince());
    const user = second.pages.flatMap((p) => p.users).find((u) => u.id === person.graphId);
    assert.ok((user?.raw.manager as { mail?: string } | undefined)?.mail);
  });

  it('reads everything with $filter and offers no delta token, since delta cannot filter', async () => {
    const events: HttpEvent[] = [];
    const reader = createSource(
      runnable(azureSettings(sb, { filter: 'accountEnabled eq true' }), 'userPrincipalName', ['department']),
      ioOptions(events),
    );
    const { ids } = await readAll(reader);
    assert.ok(ids.length > 0 && ids.length < present().length);
    assert.equal(loggedQueries(events, '/v1.0/users')[0].get('$filter'), 'accountEnabled eq true');
    assert.equal(reader.nextSince(), undefined);
    assert.ok(!events.some((e) => e.url.includes('/delta')));
  });

  it('gets one user by userPrincipalName, with the manager, and undefined for an unknown one', async () => {
    const person = present().find((p) => p.manager >= 0 && !p.guest)!;
    const reader = createSource(
      runnable(azureSettings(sb), 'userPrincipalName', ['manager.displayName', 'aboutMe']),
      ioOptions(),
    );
    const user = await reader.get(person.email, {});
    assert.equal(user?.id, person.graphId);
    assert.ok((user?.raw.manager as { displayName?: string }).displayName);
    assert.equal(await reader.get('nobody@contoso.com', {}), undefined);
  });

  it('renews an expiring token during a long read', async () => {
    const short = await startSandbox({
      users: 300,
      seed: 'azure-token',
      rateLimits: false,
      tokenLifetimeSeconds: 1,
      latencyMs: 150,
    });
    try {
      const reader = createSource(
        runnable(azureSettings(short), 'userPrincipalName', ['manager.mail']),
        ioOptions([], { pageSize: 50 }),
      );
      const { ids } = await readAll(reader);
      assert.equal(ids.length, short.people().length);
      assert.ok((short.stats().requests.login?.['POST /{tenant}/oauth2/v2.0/token'] ?? 0) >= 2);
    } finally {
      await short.close();
    }
  });

  it('ends with the same users as a clean read when the service faults and throttles', async () => {
    const connector = runnable(azureSettings(sb), 'userPrincipalName', ['department', 'manager.mail']);
    const clean = await readAll(createSource(connector, ioOptions()));
    sb.setFaults('429=0.1,500=0.05,503=0.05,reset=0.05');
    try {
      const events: HttpEvent[] = [];
      const faulty = await readAll(createSource(connector, ioOptions(events)));
      assert.ok(
        events.some((e) => e.kind === 'retry'),
        'faults were injected',
      );
      assert.deepEqual(
        faulty.pages.flatMap((p) => p.users),
        clean.pages.flatMap((p) => p.users),
      );
    } finally {
      sb.setFaults(undefined);
    }
  });
});

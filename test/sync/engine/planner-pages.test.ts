import { strict as assert } from 'assert';
import { planPages, planUsers } from '../../../server/src/sync/plan/planner';
import { prefetched } from '../../../server/src/sync/engine/read-idp';
import type { IdpUser } from '../../../server/src/sync/types';
import { connector, FakeTarget, idp } from './fakes';

/** The planner over pages as they arrive: the same plan as over one list, whatever the page boundaries. */

async function* pagesOf(users: IdpUser[], size: number): AsyncGenerator<IdpUser[]> {
  for (let i = 0; i < users.length; i += size) yield users.slice(i, i + size);
}

function population(n: number): { users: IdpUser[]; target: () => FakeTarget } {
  const users: IdpUser[] = [];
  const spec: Record<string, { properties: Record<string, string> }> = {};
  for (let i = 0; i < n; i++) {
    users.push(idp(String(i), { login: `u${i}`, department: `D${i % 7}`, title: i % 10 === 0 ? 'New' : 'T' }));
    if (i % 13 !== 5) spec[`u${i}`] = { properties: { Department: `D${i % 7}`, Title: 'T' } };
  }
  return { users, target: () => new FakeTarget('jira', spec) };
}

describe('planner over pages', () => {
  it('makes the same plan page by page as over one list (changes, warnings, stats, order)', async () => {
    const { users, target } = population(1234);
    const whole = await planUsers(connector(), users, target());
    for (const size of [1, 37, 100, 250]) {
      const paged = await planPages(connector(), pagesOf(users, size), target(), { concurrency: 3 });
      assert.deepEqual(paged, whole, `pages of ${size}`);
    }
    assert.equal(whole.stats.changedUsers, 124 - 9); // every tenth, less the 9 missing ones among them
  });

  it('reads the target in batches of 100 across page boundaries, at most `concurrency` at a time', async () => {
    const { users, target: make } = population(1001);
    const target = make();
    const calls: number[] = [];
    let inFlight = 0;
    let most = 0;
    const read = target.read.bind(target);
    target.read = async (names: string[]) => {
      calls.push(names.length);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      return read(names);
    };
    await planPages(connector(), pagesOf(users, 33), target, { concurrency: 2 });
    assert.deepEqual(calls, [...Array<number>(10).fill(100), 1]);
    assert.ok(most <= 2, `${most} reads in flight`);
  });

  it('drops a collision found pages after the first user was already read and diffed', async () => {
    const { users, target } = population(300);
    const late = idp('late', { login: 'U3', title: 'Other' }); // u3 changes nothing; U3 collides with it
    const late2 = idp('late2', { login: 'u10', title: 'Other' }); // u10 has a change
    const paged = await planPages(connector(), pagesOf([...users, late, late2], 150), target());
    const whole = await planUsers(connector(), [...users, late, late2], target());
    assert.deepEqual(paged, whole);
    assert.ok(!paged.changes.some((c) => c.user === 'u10' || c.user === 'u3'));
    assert.deepEqual(
      paged.warnings.filter((w) => w.code === 'user-collision').map((w) => w.user),
      ['u3', 'U3', 'u10', 'u10'],
    );
    const base = await planUsers(connector(), users, target());
    assert.equal(paged.stats.skipped, base.stats.skipped + 4);
    assert.equal(paged.stats.matched, base.stats.matched - 2);
    assert.equal(paged.stats.unchanged, base.stats.unchanged - 1);
    assert.equal(paged.stats.changedUsers, base.stats.changedUsers - 1);
  });

  it('fails with the target error and stops reading the IdP', async () => {
    const { users, target: make } = population(1000);
    const target = make();
    target.read = () => Promise.reject(new Error('target jira: HTTP 500'));
    let pagesRead = 0;
    async function* pages() {
      for await (const p of pagesOf(users, 100)) {
        pagesRead++;
        yield p;
      }
    }
    await assert.rejects(planPages(connector(), pages(), target), /HTTP 500/);
    assert.ok(pagesRead < 10, `${pagesRead} pages read`);
  });

  it('prefetches: the next page is asked for before the current one is handled', async () => {
    const events: string[] = [];
    async function* source() {
      for (let i = 0; i < 3; i++) {
        events.push(`fetch ${i}`);
        await new Promise((r) => setTimeout(r, 1));
        yield i;
      }
    }
    for await (const page of prefetched(source())) events.push(`handle ${page}`);
    assert.deepEqual(events, ['fetch 0', 'fetch 1', 'handle 0', 'fetch 2', 'handle 1', 'handle 2']);
  });
});

describe('planner over pages: the same IdP user twice', () => {
  it('counts a user listed on two pages once, without a collision', async () => {
    const target = new FakeTarget('jira', { alice: {}, bob: {} });
    const alice = idp('1', { login: 'alice', title: 'A' });
    const plan = await planPages(
      connector(),
      pagesOf([alice, idp('2', { login: 'bob', title: 'B' }), alice], 2),
      target,
    );
    assert.equal(plan.stats.idpUsers, 2);
    assert.equal(plan.stats.skipped, 0);
    assert.deepEqual(
      plan.changes.map((c) => c.user),
      ['alice', 'bob'],
    );
    assert.equal(plan.warnings.filter((w) => w.code === 'user-collision').length, 0);
  });
});

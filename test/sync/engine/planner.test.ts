import { strict as assert } from 'assert';
import { planUsers } from '../../../server/src/sync/plan/planner';
import { checkClearGuard } from '../../../server/src/sync/plan/guard';
import { toUserChanges } from '../../../server/src/sync/plan/user-changes';
import { connector, FakeTarget, idp } from './fakes';

describe('planner', () => {
  it('plans a change only for keys whose target value differs, before and after included', async () => {
    const target = new FakeTarget('jira', {
      alice: { properties: { Department: 'R&D', Title: 'Engineer' } },
      bob: { properties: { Department: 'Sales' } },
    });
    const plan = await planUsers(
      connector(),
      [
        idp('1', { login: 'alice', department: 'R&D', title: 'Lead' }),
        idp('2', { login: 'bob', department: 'Sales', title: 'Rep' }),
      ],
      target,
    );
    assert.deepEqual(plan.changes, [
      { connector: 'test', user: 'alice', kind: 'property', key: 'Title', before: 'Engineer', after: 'Lead' },
      { connector: 'test', user: 'bob', kind: 'property', key: 'Title', before: null, after: 'Rep' },
    ]);
    assert.equal(plan.stats.idpUsers, 2);
    assert.equal(plan.stats.matched, 2);
    assert.equal(plan.stats.changedUsers, 2);
    assert.equal(plan.stats.unchanged, 0);
    assert.equal(plan.stats.changes, 2);
  });

  it('counts a user whose values all match as unchanged', async () => {
    const target = new FakeTarget('jira', { alice: { properties: { Department: 'R&D', Title: 'Lead' } } });
    const plan = await planUsers(connector(), [idp('1', { login: 'alice', department: 'R&D', title: 'Lead' })], target);
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.stats.unchanged, 1);
  });

  describe('on_empty', () => {
    const users = [idp('1', { login: 'alice', department: '', title: '   ' })];
    const holder = () => new FakeTarget('jira', { alice: { properties: { Department: 'R&D', Title: 'Lead' } } });

    it('keep: an empty or blank IdP value never clears the target value', async () => {
      const plan = await planUsers(connector({ onEmpty: 'keep' }), users, holder());
      assert.deepEqual(plan.changes, []);
      assert.equal(plan.stats.clears, 0);
    });

    it('clear: an empty IdP value unsets the key (after: null)', async () => {
      const plan = await planUsers(connector({ onEmpty: 'clear' }), users, holder());
      assert.deepEqual(
        plan.changes.map((c) => [c.key, c.before, c.after]),
        [
          ['Department', 'R&D', null],
          ['Title', 'Lead', null],
        ],
      );
      assert.equal(plan.stats.clears, 2);
      assert.equal(plan.stats.clearedUsers, 1);
      assert.deepEqual(toUserChanges(plan.changes), [
        { username: 'alice', set: {}, unset: { properties: ['Department', 'Title'] } },
      ]);
    });

    it('clear: a key the target does not hold is not cleared again', async () => {
      const plan = await planUsers(connector({ onEmpty: 'clear' }), users, new FakeTarget('jira', { alice: {} }));
      assert.deepEqual(plan.changes, []);
    });
  });

  it('skips a Jira property value over 250 characters with a warning naming user and key', async () => {
    const target = new FakeTarget('jira', { alice: { properties: { Department: 'old' } } });
    const plan = await planUsers(
      connector(),
      [idp('1', { login: 'alice', department: 'x'.repeat(251), title: 'Lead' })],
      target,
    );
    assert.deepEqual(
      plan.changes.map((c) => c.key),
      ['Title'],
    );
    const w = plan.warnings.find((x) => x.code === 'value-rejected');
    assert.ok(w, 'a value-rejected warning');
    assert.equal(w.user, 'alice');
    assert.equal(w.key, 'Department');
  });

  it('writes a 250-character Jira value (the limit itself is allowed)', async () => {
    const plan = await planUsers(
      connector(),
      [idp('1', { login: 'alice', department: 'x'.repeat(250) })],
      new FakeTarget('jira', { alice: {} }),
    );
    assert.equal(plan.changes[0]?.after?.length, 250);
    assert.equal(plan.warnings.filter((w) => w.code === 'value-rejected').length, 0);
  });

  it('cuts a Confluence profile value to 255 characters, warns, and sees no change once the cut value is stored', async () => {
    const c = connector({ target: { type: 'confluence', settings: {} }, map: { 'profile:position': 'title' } });
    const long = 'p'.repeat(300);
    const target = new FakeTarget('confluence', { alice: {} });
    const first = await planUsers(c, [idp('1', { login: 'alice', title: long })], target);
    assert.equal(first.changes[0].after, long.slice(0, 255));
    assert.ok(first.warnings.some((w) => w.code === 'value-cut' && w.user === 'alice' && w.key === 'position'));
    await target.write(toUserChanges(first.changes));
    const second = await planUsers(c, [idp('1', { login: 'alice', title: long })], target);
    assert.deepEqual(second.changes, []);
  });

  it('cuts a Confluence profile value before an emoji rather than through it', async () => {
    const c = connector({ target: { type: 'confluence', settings: {} }, map: { 'profile:position': 'title' } });
    const long = 'p'.repeat(254) + '😀'.repeat(10);
    const plan = await planUsers(
      c,
      [idp('1', { login: 'alice', title: long })],
      new FakeTarget('confluence', { alice: {} }),
    );
    assert.equal(plan.changes[0].after, 'p'.repeat(254));
  });

  it('skips both IdP users whose usernames differ only in case, warning for each', async () => {
    const target = new FakeTarget('jira', { alice: {}, bob: {} });
    const plan = await planUsers(
      connector(),
      [
        idp('1', { login: 'alice', title: 'A' }),
        idp('2', { login: 'ALICE', title: 'B' }),
        idp('3', { login: 'bob', title: 'C' }),
      ],
      target,
    );
    assert.deepEqual(
      plan.changes.map((c) => c.user),
      ['bob'],
    );
    const collisions = plan.warnings.filter((w) => w.code === 'user-collision');
    assert.deepEqual(collisions.map((w) => w.user).sort(), ['ALICE', 'alice']);
    assert.equal(plan.stats.skipped, 2);
  });

  it('skips an IdP user with an empty match value and says why', async () => {
    const plan = await planUsers(connector(), [idp('00u1', { login: '', title: 'A' })], new FakeTarget());
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.stats.skipped, 1);
    assert.match(plan.warnings.find((w) => w.code === 'empty-match')?.message ?? '', /00u1/);
  });

  it('warns about a user the target does not have and counts it as missing', async () => {
    const plan = await planUsers(connector(), [idp('1', { login: 'ghost', title: 'A' })], new FakeTarget());
    assert.equal(plan.stats.missing, 1);
    assert.equal(plan.stats.matched, 0);
    assert.deepEqual(
      plan.warnings.filter((w) => w.code === 'missing-in-target').map((w) => w.user),
      ['ghost'],
    );
  });

  it('warns once per mapping when no IdP user has a value for it (attribute not returned)', async () => {
    const target = new FakeTarget('jira', { alice: {}, bob: {} });
    const plan = await planUsers(
      connector(),
      [idp('1', { login: 'alice', title: 'A' }), idp('2', { login: 'bob', title: 'B' })],
      target,
    );
    const missing = plan.warnings.filter((w) => w.code === 'attribute-missing');
    assert.deepEqual(
      missing.map((w) => w.key),
      ['Department'],
    );
  });

  it('passes evaluation warnings on with user and key', async () => {
    const target = new FakeTarget('jira', { alice: {} });
    const plan = await planUsers(
      connector({ map: { Phone: 'phones' } }),
      [idp('1', { login: 'alice', phones: ['1', '2'] })],
      target,
    );
    const w = plan.warnings.find((x) => x.code === 'evaluation');
    assert.ok(w);
    assert.equal(w.user, 'alice');
    assert.equal(w.key, 'Phone');
    assert.equal(plan.changes[0].after, '1');
  });

  it('warns once about a profile mapping on Jira and never writes it', async () => {
    const plan = await planUsers(
      connector({ map: { 'profile:phone': 'phone' } }),
      [idp('1', { login: 'alice', phone: '1' })],
      new FakeTarget('jira', { alice: {} }),
    );
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.warnings.filter((w) => w.code === 'unsupported-mapping').length, 1);
  });

  it('plans deprovisioned or suspended IdP users like any other (status is data, not a filter)', async () => {
    const plan = await planUsers(
      connector(),
      [idp('1', { login: 'alice', status: 'DEPROVISIONED', title: 'Former' })],
      new FakeTarget('jira', { alice: {} }),
    );
    assert.equal(plan.changes[0].after, 'Former');
  });

  it('groups key-level changes into one UserChange per user', () => {
    const changes = toUserChanges([
      { connector: 't', user: 'a', kind: 'property', key: 'X', before: null, after: '1' },
      { connector: 't', user: 'a', kind: 'profile', key: 'phone', before: '2', after: null },
      { connector: 't', user: 'b', kind: 'property', key: 'X', before: null, after: '3' },
    ]);
    assert.deepEqual(changes, [
      { username: 'a', set: { properties: { X: '1' } }, unset: { profile: ['phone'] } },
      { username: 'b', set: { properties: { X: '3' } }, unset: {} },
    ]);
  });

  describe('clear guard', () => {
    async function planClearing(cleared: number, total: number) {
      const spec: Record<string, { properties: Record<string, string> }> = {};
      const users = [];
      for (let i = 0; i < total; i++) {
        spec[`u${i}`] = { properties: { Department: 'D', Title: 'T' } };
        users.push(idp(String(i), { login: `u${i}`, department: i < cleared ? '' : 'D', title: 'T' }));
      }
      return planUsers(connector({ onEmpty: 'clear' }), users, new FakeTarget('jira', spec));
    }

    it('trips when clears touch more than clear_guard of the users read', async () => {
      const verdict = checkClearGuard(await planClearing(2, 10), 0.1);
      assert.equal(verdict.tripped, true);
      assert.match(verdict.message, /2 of 10 users/);
    });

    it('does not trip at exactly clear_guard', async () => {
      assert.equal(checkClearGuard(await planClearing(1, 10), 0.1).tripped, false);
    });
  });
});

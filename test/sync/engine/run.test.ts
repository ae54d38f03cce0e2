import { strict as assert } from 'assert';
import * as path from 'path';
import { Journal } from '../../../server/src/sync/journal/journal';
import { planConnector, runConnector } from '../../../server/src/sync/engine/run';
import { exitCodeOf, type RunReport } from '../../../server/src/sync/engine/report';
import { applyRollback, planRollback } from '../../../server/src/sync/engine/rollback';
import type { EngineIo } from '../../../server/src/sync/engine/io';
import { connector, FakeSource, FakeTarget, idp } from './fakes';
import { removeDir, tempDir } from './tmp';

describe('engine run', () => {
  let dir: string;
  let journal: Journal;
  let source: FakeSource;
  let target: FakeTarget;
  let io: EngineIo & { configDir: string };

  beforeEach(() => {
    dir = tempDir();
    journal = Journal.open(path.join(dir, 'state.db'));
    source = new FakeSource(
      [
        idp('1', { login: 'alice', department: 'R&D', title: 'Lead' }),
        idp('2', { login: 'bob', department: 'Sales', title: 'Rep' }),
        idp('3', { login: 'carol', department: 'Ops', title: 'Boss' }),
      ],
      2,
      'delta-1',
    );
    target = new FakeTarget('jira', {
      alice: {},
      bob: { properties: { Department: 'Sales', Title: 'Rep' } },
      carol: {},
    });
    io = { configDir: dir, createSource: () => source, createTarget: () => target };
  });
  afterEach(() => {
    journal.close();
    removeDir(dir);
  });

  it('converges: a run applies the plan and the next plan is empty', async () => {
    const report = await runConnector(connector(), { ...io, journal });
    assert.equal(report?.status, 'ok');
    assert.equal(report?.stats.updated, 2);
    const again = await planConnector(connector(), io);
    assert.deepEqual(again.plan.changes, []);
    assert.equal(again.plan.stats.unchanged, 3);
  });

  it('--user plans and writes exactly that user', async () => {
    const report = await runConnector(connector(), { ...io, journal, user: 'carol' });
    assert.equal(report?.trigger, 'user');
    assert.deepEqual(
      target.writeCalls.flat().map((c) => c.username),
      ['carol'],
    );
    assert.deepEqual(target.users.get('alice')?.properties, {});
  });

  it('--user for a login the IdP does not know plans nothing and warns', async () => {
    const planned = await planConnector(connector(), { ...io, user: 'nobody' });
    assert.deepEqual(planned.plan.changes, []);
    assert.deepEqual(
      planned.plan.warnings.map((w) => w.code),
      ['missing-in-idp'],
    );
  });

  it('--user for a login the IdP does not know fails the run: not done, not found, exit 1', async () => {
    const report = await runConnector(connector(), { ...io, journal, user: 'nobody' });
    assert.equal(report?.status, 'failed');
    assert.deepEqual(report?.notDone, [
      { username: 'nobody', status: 'not_found', message: "the IdP has no user 'nobody'" },
    ]);
    assert.deepEqual(report?.warnings, [], 'said once, as not done');
    assert.equal(exitCodeOf([report as RunReport]), 1);
    assert.equal(journal.runs(1)[0].status, 'failed');
  });

  it('--pinned with one pinned user missing in the target writes the others and reports that one (partial)', async () => {
    target.users.delete('bob');
    const report = await runConnector(connector({ users: ['alice', 'bob'] }), { ...io, journal, pinned: true });
    assert.equal(report?.status, 'partial');
    assert.deepEqual(
      report?.notDone.map((n) => [n.username, n.status]),
      [['bob', 'not_found']],
    );
    assert.deepEqual(
      target.writeCalls.flat().map((c) => c.username),
      ['alice'],
    );
  });

  it('a full run only warns about users missing in the target', async () => {
    target.users.delete('bob');
    const report = await runConnector(connector(), { ...io, journal });
    assert.equal(report?.status, 'ok');
    assert.deepEqual(report?.notDone, []);
    assert.deepEqual(
      report?.warnings.map((w) => [w.code, w.user]),
      [['missing-in-target', 'bob']],
    );
  });

  it('--pinned plans and writes only the pinned users; without it pinned users limit nothing', async () => {
    const report = await runConnector(connector({ users: ['alice'] }), { ...io, journal, pinned: true });
    assert.equal(report?.trigger, 'user');
    assert.deepEqual(
      target.writeCalls.flat().map((c) => c.username),
      ['alice'],
    );
    const everyone = await planConnector(connector({ users: ['alice'] }), io);
    assert.equal(everyone.plan.stats.idpUsers, 3);
  });

  it('--pinned on a connector without pinned users plans nothing and says so', async () => {
    const planned = await planConnector(connector(), { ...io, pinned: true });
    assert.equal(planned.plan.stats.idpUsers, 0);
    assert.deepEqual(
      planned.plan.warnings.map((w) => w.code),
      ['no-pinned-users'],
    );
  });

  it('stores the delta token after a fully applied run and reads incrementally with it', async () => {
    await runConnector(connector(), { ...io, journal });
    await runConnector(connector(), { ...io, journal, incremental: true });
    assert.deepEqual(source.sinceSeen, [undefined, 'delta-1']);
    assert.equal(journal.runs(1)[0].trigger, 'schedule');
  });

  it('ignores a delta token made under another configuration', async () => {
    await runConnector(connector(), { ...io, journal });
    await runConnector(connector({ map: { Department: 'department' } }), { ...io, journal, incremental: true });
    assert.deepEqual(source.sinceSeen, [undefined, undefined]);
  });

  it('does not store the delta token when some users were not applied', async () => {
    target.outcome = { alice: { status: 'failed', message: 'HTTP 500' } };
    const report = await runConnector(connector(), { ...io, journal });
    assert.equal(report?.status, 'partial');
    assert.deepEqual(report?.notDone, [{ username: 'alice', status: 'failed', message: 'HTTP 500' }]);
    await runConnector(connector(), { ...io, journal, incremental: true });
    assert.deepEqual(source.sinceSeen, [undefined, undefined]);
  });

  it("journals a run as started when its reading began: the duration covers the plan, not the admin's pause", async () => {
    let clock = Date.parse('2026-11-29T10:00:00.000Z');
    const timed = Journal.open(path.join(dir, 'timed.db'), { now: () => new Date(clock) });
    const slow = new FakeSource(source.users, 2);
    const list = slow.list.bind(slow);
    slow.list = async function* (options) {
      await new Promise((resolve) => setTimeout(resolve, 80));
      yield* list(options);
    };
    const pause = 10 * 60_000;
    const confirm = async (): Promise<boolean> => {
      clock += pause; // the admin reads the plan for ten minutes
      return true;
    };
    const report = await runConnector(connector(), { ...io, createSource: () => slow, journal: timed, confirm });
    const run = timed.run(report?.runId ?? 0);
    timed.close();
    const ms = Date.parse(run?.finished ?? '') - Date.parse(run?.started ?? '');
    assert.ok(ms >= 60 && ms < pause, `duration ${ms} ms: the 80 ms of reading, without the pause`);
  });

  it('writes nothing and records nothing when confirm says no', async () => {
    const report = await runConnector(connector(), { ...io, journal, confirm: async () => false });
    assert.equal(report, undefined);
    assert.equal(target.writeCalls.length, 0);
    assert.deepEqual(journal.runs(), []);
  });

  it('journals a run whose IdP read failed as an error, without secrets', async () => {
    source.list = async function* () {
      yield* [];
      throw new Error('source okta: token okta-secret-token-123 refused');
    };
    await assert.rejects(runConnector(connector(), { ...io, journal }), /refused/);
    const [run] = journal.runs();
    assert.equal(run.status, 'error');
    assert.equal(run.stats.error, 'source okta: token *** refused');
  });

  it('refuses to run while another run holds the state file', async () => {
    const lock = journal.lock();
    try {
      await assert.rejects(
        runConnector(connector(), { ...io, journal }),
        /another run \(pid \d+\) holds the state file/,
      );
    } finally {
      lock.release();
    }
  });

  describe('rollback', () => {
    it('restores values the target still holds as written, and reports the ones changed since', async () => {
      target.add('dave', { properties: { Department: 'Old', Title: 'Old' } });
      source.users.push(idp('4', { login: 'dave', department: 'New', title: 'New' }));
      const run = await runConnector(connector(), { ...io, journal });
      assert.equal(run?.status, 'ok');
      // someone edits carol's Title after the run
      target.users.get('carol')!.properties.Title = 'Edited';
      const rb = await planRollback(connector(), run!.runId, { ...io, journal });
      assert.deepEqual(rb.changedSince, [
        { user: 'carol', kind: 'property', key: 'Title', written: 'Boss', current: 'Edited' },
      ]);
      const report = await applyRollback(connector(), rb, { ...io, journal });
      assert.equal(report.status, 'ok');
      assert.equal(report.trigger, 'rollback');
      assert.deepEqual(target.users.get('alice')?.properties, {}, 'values that did not exist are unset');
      assert.deepEqual(
        target.users.get('dave')?.properties,
        { Department: 'Old', Title: 'Old' },
        'earlier values are restored',
      );
      assert.deepEqual(target.users.get('carol')?.properties, { Title: 'Edited' }, 'the edited key is left alone');
      assert.equal(journal.run(report.runId)?.stats.rollbackOf, run!.runId);
    });

    it('refuses a run id the journal does not have', async () => {
      await assert.rejects(planRollback(connector(), 999, { ...io, journal }), /no run 999/);
    });
  });
});

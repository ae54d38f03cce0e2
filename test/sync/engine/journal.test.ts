import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Journal } from '../../../server/src/sync/journal/journal';
import { acquireLock, lockFileFor, LockHeldError } from '../../../server/src/sync/journal/lock';
import { defaultStatePath, StateFileError } from '../../../server/src/sync/journal/state-db';
import { applyPlan } from '../../../server/src/sync/engine/apply-plan';
import { planUsers } from '../../../server/src/sync/plan/planner';
import { connector, FakeTarget, idp } from './fakes';
import { removeDir, tempDir } from './tmp';

describe('journal', () => {
  let dir: string;
  let journal: Journal;
  beforeEach(() => {
    dir = tempDir();
    journal = Journal.open(path.join(dir, '.usersync', 'state.db'), {
      redact: (t) => t.replace(/s3cr3t-value/g, '***'),
    });
  });
  afterEach(() => {
    journal.close();
    removeDir(dir);
  });

  it('lives in .usersync/state.db beside the config by default', () => {
    assert.equal(defaultStatePath('/etc/usersync/prod.usersync'), path.join('/etc/usersync', '.usersync', 'state.db'));
  });

  it('creates its folder 0700 and its files 0600, WAL included', () => {
    journal.startRun('c', 'full');
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    assert.equal(mode(path.join(dir, '.usersync')), 0o700);
    assert.equal(mode(journal.file), 0o600);
    assert.ok(fs.existsSync(`${journal.file}-wal`), 'WAL mode');
    assert.equal(mode(`${journal.file}-wal`), 0o600);
  });

  it('passes an integrity check', () => {
    assert.deepEqual(journal.integrityCheck(), []);
  });

  it('records each write as pending before it is sent and settles it with the answer', async () => {
    const target = new FakeTarget('jira', { alice: {}, bob: {} });
    target.outcome = { bob: { status: 'rejected', message: 'no' } };
    const seenWhileSending: string[] = [];
    target.duringWrite = () => {
      const runId = journal.runs(1)[0].id;
      seenWhileSending.push(...journal.writesOf(runId).map((w) => `${w.username}:${w.status}`));
    };
    const c = connector();
    const plan = await planUsers(
      c,
      [idp('1', { login: 'alice', title: 'A' }), idp('2', { login: 'bob', title: 'B' })],
      target,
    );
    const report = await applyPlan(c, plan, target, { journal, trigger: 'full' });
    assert.deepEqual(seenWhileSending.sort(), ['alice:pending', 'bob:pending']);
    const writes = journal.writesOf(report.runId);
    assert.deepEqual(
      writes.map((w) => [w.username, w.key, w.before, w.after, w.status, w.message]),
      [
        ['alice', 'Title', null, 'A', 'done', null],
        ['bob', 'Title', null, 'B', 'rejected', 'no'],
      ],
    );
    const run = journal.run(report.runId);
    assert.equal(run?.status, 'partial');
    assert.equal(run?.trigger, 'full');
    assert.equal(run?.stats.updated, 1);
    assert.ok(run?.finished);
  });

  it('lists runs newest first with their stats', async () => {
    const target = new FakeTarget('jira', { alice: {} });
    const c = connector();
    for (const title of ['A', 'B']) {
      const plan = await planUsers(c, [idp('1', { login: 'alice', title })], target);
      await applyPlan(c, plan, target, { journal, trigger: 'user' });
    }
    const runs = journal.runs();
    assert.deepEqual(
      runs.map((r) => [r.trigger, r.status, r.stats.changes]),
      [
        ['user', 'ok', 1],
        ['user', 'ok', 1],
      ],
    );
    assert.ok(runs[0].id > runs[1].id);
  });

  it('journals a guarded run without writes, and writes when forced', async () => {
    const target = new FakeTarget('jira', { alice: { properties: { Title: 'T' } } });
    const c = connector({ onEmpty: 'clear' });
    const plan = await planUsers(c, [idp('1', { login: 'alice', title: '' })], target);
    const guarded = await applyPlan(c, plan, target, { journal, trigger: 'full' });
    assert.equal(guarded.status, 'guarded');
    assert.equal(target.writeCalls.length, 0);
    assert.deepEqual(journal.writesOf(guarded.runId), []);
    const forced = await applyPlan(c, plan, target, { journal, trigger: 'full', force: true });
    assert.equal(forced.status, 'ok');
    assert.equal(target.users.get('alice')?.properties.Title, undefined);
  });

  it('stores text through the redactor', () => {
    const id = journal.startRun('c', 'full');
    const [w] = journal.recordPending(id, [
      { username: 'u', kind: 'property', key: 'K', before: null, after: 'x s3cr3t-value y' },
    ]);
    journal.settle([w], 'failed', 'token s3cr3t-value refused');
    journal.finishRun(id, 'failed', { error: 'with s3cr3t-value' });
    journal.close();
    for (const f of fs.readdirSync(path.dirname(journal.file))) {
      assert.ok(!fs.readFileSync(path.join(path.dirname(journal.file), f)).includes('s3cr3t-value'), f);
    }
  });

  it('keeps delta state per connector', () => {
    journal.setState('a', 'since', 'token-1');
    journal.setState('a', 'since', 'token-2');
    assert.equal(journal.getState('a', 'since'), 'token-2');
    assert.equal(journal.getState('b', 'since'), undefined);
    journal.setState('a', 'since', undefined);
    assert.equal(journal.getState('a', 'since'), undefined);
  });

  describe('a --state path that is not a state file', () => {
    it('refuses a directory, naming it', () => {
      assert.throws(
        () => Journal.open(dir),
        (e: Error) =>
          e instanceof StateFileError && e.message === `cannot open the state file ${dir}: it is a directory`,
      );
    });

    it('refuses a file that is not an SQLite database, and leaves its text and mode as they were', () => {
      const config = path.join(dir, 'prod.usersync');
      fs.writeFileSync(config, 'connector a {}\n', { mode: 0o644 });
      fs.chmodSync(config, 0o644);
      assert.throws(() => Journal.open(config), /prod\.usersync is not a usersync state file .*left as it is/);
      assert.equal(fs.readFileSync(config, 'utf8'), 'connector a {}\n');
      assert.equal(fs.statSync(config).mode & 0o777, 0o644);
    });

    it('opens an empty file, a state file that was never written', () => {
      const empty = path.join(dir, 'empty.db');
      fs.writeFileSync(empty, '');
      Journal.open(empty).close();
      assert.ok(fs.statSync(empty).size > 0);
    });

    it('says why a path under a file cannot be opened', () => {
      const config = path.join(dir, 'prod.usersync');
      fs.writeFileSync(config, '');
      assert.throws(
        () => Journal.open(path.join(config, 'state.db')),
        /cannot open the state file .*prod\.usersync\/state\.db: a part of its path is a file, not a directory/,
      );
    });
  });

  describe('lock', () => {
    it('refuses a second run on the same state file, naming the holder pid', () => {
      const first = journal.lock();
      const other = Journal.open(journal.file);
      try {
        assert.throws(
          () => other.lock(),
          (e: unknown) =>
            e instanceof LockHeldError && e.message === `another run (pid ${process.pid}) holds the state file`,
        );
      } finally {
        other.close();
        first.release();
      }
      journal.lock().release();
    });

    it('takes over a lock whose owner process is gone and marks its unfinished runs interrupted', () => {
      const id = journal.startRun('c', 'full');
      fs.writeFileSync(
        lockFileFor(journal.file),
        JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '' }),
      );
      const lock = journal.lock();
      assert.equal(journal.run(id)?.status, 'interrupted');
      lock.release();
      assert.equal(fs.existsSync(lockFileFor(journal.file)), false);
    });

    it('respects a fresh lock from another host and takes over one untouched for 5 minutes', () => {
      const file = lockFileFor(journal.file);
      fs.writeFileSync(file, JSON.stringify({ pid: 1, host: 'another-pod', since: '' }));
      assert.throws(() => acquireLock(journal.file), LockHeldError);
      const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
      fs.utimesSync(file, sixMinutesAgo, sixMinutesAgo);
      const lock = acquireLock(journal.file);
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).host, os.hostname());
      lock.release();
    });

    it('creates the lockfile 0600 with the owner pid', () => {
      const lock = acquireLock(journal.file);
      try {
        assert.equal(fs.statSync(lock.file).mode & 0o777, 0o600);
        assert.equal(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid, process.pid);
      } finally {
        lock.release();
      }
    });
  });
});

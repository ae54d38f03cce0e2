import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Journal } from '../../../server/src/sync/journal/journal';
import { acquireLock } from '../../../server/src/sync/journal/lock';
import { runCli } from '../../cli/run-cli';
import { removeDir, tempDir } from './tmp';

const DAY = 24 * 60 * 60 * 1000;

/**
 * `usersync prune --older-than`: how long the journal keeps users' profile data. Runs that ended before the
 * cutoff go with their writes, the rest stay, and what was removed is no longer in the file's bytes.
 */
describe('usersync prune', () => {
  let dir: string;
  let config: string;
  let state: string;

  /** A finished run `daysAgo` days ago that wrote `value` to alice's Department. */
  function pastRun(daysAgo: number, value: string, status: 'ok' | 'running' = 'ok'): number {
    const journal = Journal.open(state, { now: () => new Date(Date.now() - daysAgo * DAY) });
    try {
      const id = journal.startRun('hr', 'full');
      const [write] = journal.recordPending(id, [
        { username: 'alice', kind: 'property', key: 'Department', before: null, after: value },
      ]);
      journal.settle([write], 'done');
      if (status === 'ok') journal.finishRun(id, 'ok', { updated: 1 });
      journal.setState('hr', 'delta', 'token-1');
      return id;
    } finally {
      journal.close();
    }
  }

  function journalOf(): { runs: number[]; values: (string | null)[]; delta: string | undefined } {
    const journal = Journal.open(state);
    try {
      const runs = journal.runs().map((r) => r.id);
      return {
        runs,
        values: runs.flatMap((id) => journal.writesOf(id).map((w) => w.after)),
        delta: journal.getState('hr', 'delta'),
      };
    } finally {
      journal.close();
    }
  }

  beforeEach(() => {
    dir = tempDir();
    config = path.join(dir, 'hr.usersync');
    fs.writeFileSync(config, '# the runs are made by the test\n');
    state = path.join(dir, '.usersync', 'state.db');
  });
  afterEach(() => removeDir(dir));

  it('removes the runs that ended before the cutoff and what they wrote; the delta token and newer runs stay', async () => {
    pastRun(200, 'Old-Department-7f3a');
    pastRun(120, 'Older-Department-c41d');
    const recent = pastRun(10, 'Recent-Department');
    const r = await runCli(['prune', config, '--older-than', '90d']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^removed 2 runs and 2 values written that ended before \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\n$/);
    assert.deepEqual(journalOf(), { runs: [recent], values: ['Recent-Department'], delta: 'token-1' });
    const files = [state, `${state}-wal`].filter((f) => fs.existsSync(f));
    const bytes = files.map((f) => fs.readFileSync(f).toString('latin1')).join('');
    assert.ok(!bytes.includes('Old-Department-7f3a') && !bytes.includes('Older-Department-c41d'), 'no trace left');
    assert.equal(fs.statSync(state).mode & 0o777, 0o600, 'compacting kept the owner-only mode');
  });

  it('--dry-run counts and removes nothing; a run still in progress is never removed', async () => {
    const old = pastRun(100, 'A');
    const running = pastRun(100, 'B', 'running');
    const dry = await runCli(['prune', config, '--older-than', '12w', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^would remove 1 run and 1 value written that ended before .*; nothing was removed\n$/);
    assert.deepEqual(journalOf().runs, [running, old]);
  });

  it('waits for no run: with the lock held it refuses (exit 1) and removes nothing', async () => {
    const old = pastRun(100, 'A');
    const lock = acquireLock(state);
    try {
      const r = await runCli(['prune', config, '--older-than', '30d']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /another run \(pid \d+\) holds the state file/);
    } finally {
      lock.release();
    }
    assert.deepEqual(journalOf().runs, [old]);
  });

  it('needs an age in days or weeks, and is content without a state file', async () => {
    for (const bad of [[], ['--older-than', '3 months'], ['--older-than', '0d']]) {
      const r = await runCli(['prune', config, ...bad]);
      assert.equal(r.code, 2, `${bad.join(' ')}: ${r.stderr}`);
    }
    const none = await runCli(['prune', config, '--older-than', '1d']);
    assert.deepEqual([none.code, none.stdout], [0, 'no runs yet; nothing to remove\n']);
    assert.ok(!fs.existsSync(state), 'no state file was created');
  });
});

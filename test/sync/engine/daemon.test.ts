import { strict as assert } from 'assert';
import * as path from 'path';
import { Journal } from '../../../server/src/sync/journal/journal';
import { NoScheduleError, runDaemon, type DaemonOptions } from '../../../server/src/sync/engine/daemon';
import type { RunReport } from '../../../server/src/sync/engine/report';
import { connector, FakeSource, FakeTarget, idp } from './fakes';
import { removeDir, tempDir } from './tmp';

describe('daemon (engine)', () => {
  let dir: string;
  let journal: Journal;
  beforeEach(() => {
    dir = tempDir();
    journal = Journal.open(path.join(dir, 'state.db'));
  });
  afterEach(() => {
    journal.close();
    removeDir(dir);
  });

  function setup() {
    const source = new FakeSource([idp('1', { login: 'alice', title: 'Lead' })]);
    const target = new FakeTarget('jira', { alice: {} });
    const logs: string[] = [];
    const controller = new AbortController();
    /** The daemon's options against these fakes, logging into `logs`, with `more` on top. */
    const options = (more: Partial<DaemonOptions> = {}): DaemonOptions => ({
      journal,
      configDir: dir,
      signal: controller.signal,
      log: (level, m) => logs.push(`${level} ${m}`),
      createSource: () => source,
      createTarget: () => target,
      ...more,
    });
    return { source, target, logs, controller, options };
  }

  it('runs a connector on a one-second schedule and stops cleanly when aborted', async () => {
    const { target, logs, controller, options } = setup();
    const reports: RunReport[] = [];
    const c = connector({ schedule: '* * * * * *' });
    await runDaemon(
      [c],
      options({
        onRun: (r) => {
          reports.push(r);
          controller.abort();
        },
      }),
    );
    assert.equal(reports.length, 1);
    assert.equal(reports[0].status, 'ok');
    assert.equal(reports[0].trigger, 'schedule');
    assert.equal(target.users.get('alice')?.properties.Title, 'Lead');
    assert.equal(logs.at(-1), 'info stopped');
    assert.equal(journal.runs()[0].status, 'ok');
  });

  it('with pruneOlderThanMs, prunes the runs older than that after a run, and keeps the newer ones', async () => {
    const { logs, controller, options } = setup();
    const old = Journal.open(journal.file, { now: () => new Date(Date.now() - 100 * 24 * 3600 * 1000) });
    const oldRun = old.startRun('hr', 'full');
    old.finishRun(oldRun, 'ok', {});
    old.close();
    const pruneOlderThanMs = 90 * 24 * 3600 * 1000;
    await runDaemon(
      [connector({ schedule: '* * * * * *' })],
      options({ onRun: () => controller.abort(), pruneOlderThanMs }),
    );
    const runs = journal.runs();
    assert.deepEqual(
      runs.map((r) => r.trigger),
      ['schedule'],
      'the 100-day-old run is gone, the new one stays',
    );
    assert.ok(
      logs.some((l) => /^info pruned 1 run and 0 values written that ended before /.test(l)),
      logs.join('\n'),
    );
  });

  it('skips a tick while the previous run of the connector is still writing, and lets that write finish on abort', async () => {
    const { source, target, logs, controller } = setup();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    target.duringWrite = () => released;
    const c = connector({ schedule: '* * * * * *' });
    const daemon = runDaemon([c], {
      journal,
      configDir: dir,
      signal: controller.signal,
      log: (level, m) => {
        logs.push(`${level} ${m}`);
        if (/tick skipped/.test(m)) {
          controller.abort();
          release();
        }
      },
      createSource: () => source,
      createTarget: () => target,
    });
    await daemon;
    assert.ok(logs.includes('info test: previous run still in progress; tick skipped'));
    assert.equal(target.writeCalls.length, 1);
    assert.equal(target.users.get('alice')?.properties.Title, 'Lead', 'the write in flight finished');
    assert.equal(journal.runs()[0].status, 'ok');
  });

  it('refuses to start without any scheduled connector', async () => {
    const { controller } = setup();
    await assert.rejects(
      runDaemon([connector()], { journal, configDir: dir, signal: controller.signal, log: () => undefined }),
      NoScheduleError,
    );
  });
});

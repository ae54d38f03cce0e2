import { strict as assert } from 'assert';
import { FAULT_KINDS } from '../../server/src/sandbox/faults';
import { loadConfig } from '../../server/src/sync/engine/load-config';
import { applyPlanned, planConnector } from '../../server/src/sync/engine/run';
import { Journal } from '../../server/src/sync/journal/journal';
import { faultRun } from './fault-run';
import { differingUsers, runAll, startRig, targetState, TEST_HTTP, type SandboxRig } from './sandbox-runs';

/**
 * Runs under injected faults end the same as clean runs. Two sandboxes with the same seed and people:
 * one without faults, one answering 10 % of all requests (every IdP and both targets) with 429 +
 * Retry-After, 500, 503, a connection reset or a slow answer. The 10,000-user run is
 * `npm run fuzz -- --faults` (docs/reliability.md).
 */

const USERS = 1000;
const SEED = 'reliability-faults';
export const TEN_PERCENT = '429=0.02,500=0.02,503=0.02,reset=0.02,slow=0.02,slowms=300';
/** Small IdP pages, so that 1,000 users take enough requests for every kind of fault to occur. */
const PAGE = 20;

describe('runs under injected faults', function () {
  this.timeout(120_000);
  const rigs: SandboxRig[] = [];
  let clean: SandboxRig;
  before(async () => {
    clean = await startRig({ users: USERS, seed: SEED });
    rigs.push(clean);
    await runAll(clean, TEST_HTTP, PAGE);
  });
  after(async () => {
    await Promise.all(rigs.map((r) => r.close()));
  });

  it(`${USERS} users, 10 % faults of every kind: the end state equals a clean run's and the journal holds every write`, async () => {
    const result = await faultRun({ users: USERS, seed: SEED, faults: TEN_PERCENT, pageSize: PAGE });
    const { faults } = result.stats;
    for (const kind of FAULT_KINDS)
      assert.ok(faults[kind] > 0, `no ${kind} fault was injected: ${JSON.stringify(faults)}`);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.notDone, [], 'with retries every user is done');
    assert.ok(result.changes > 1000 && result.journalRows === result.changes, JSON.stringify(result));
  });

  it('without retries, the report names every user a fault left undone and why, and the next run converges', async () => {
    const rig = await startRig({ users: USERS, seed: SEED });
    rigs.push(rig);
    const loaded = loadConfig(rig.config, { env: rig.env });
    const journal = Journal.open(rig.state, { redact: loaded.redact });
    const undone: string[] = [];
    try {
      for (const connector of loaded.connectors) {
        rig.sandbox.setFaults(undefined);
        const planned = await planConnector(connector, { configDir: rig.dir, io: { http: { maxRetries: 0 } } });
        rig.sandbox.setFaults('500=0.1,503=0.1,reset=0.1,429=0.1');
        const report = await applyPlanned(planned, { journal });
        const writes = journal.writesOf(report.runId);
        for (const n of report.notDone) {
          assert.ok(n.message.length > 0 && n.status !== undefined, JSON.stringify(n));
          const rows = writes.filter((w) => w.username === n.username);
          assert.ok(rows.length > 0 && rows.every((w) => w.status === n.status && w.message), JSON.stringify(rows));
          undone.push(`${connector.target.type}:${n.username}`);
        }
        const failedRows = writes.filter((w) => w.status !== 'done').map((w) => w.username);
        assert.deepEqual([...new Set(failedRows)].sort(), report.notDone.map((n) => n.username).sort());
      }
    } finally {
      journal.close();
    }
    assert.ok(undone.length > 0, 'some batches failed');
    const differing = differingUsers(targetState(clean.sandbox), targetState(rig.sandbox));
    assert.deepEqual(differing.sort(), [...new Set(undone)].sort(), 'exactly the users the report names are not done');

    rig.sandbox.setFaults(undefined);
    await runAll(rig, TEST_HTTP, PAGE);
    assert.deepEqual(differingUsers(targetState(clean.sandbox), targetState(rig.sandbox)), []);
  });
});

import { strict as assert } from 'assert';
import { killRuns } from './kill-runs';

/**
 * `usersync run` killed with SIGKILL at random moments (while it reads the IdP, plans or writes), then
 * run once more: the targets end as after one uninterrupted run and the state file stays sound. CI kills
 * five times; the 20-kill run is `npm run fuzz -- --kill` (figures in docs/reliability.md).
 */

describe('runs killed with SIGKILL', function () {
  this.timeout(120_000);

  it('5 kills at random moments, then a run to the end: the targets equal a clean run and integrity_check passes', async () => {
    const result = await killRuns({ users: 2000, kills: 5, seed: 20260103, latencyMs: 30 });
    const killedMidRun = result.kills.filter((k) => !k.ended);
    assert.ok(killedMidRun.length >= 3, `most kills hit a running process: ${JSON.stringify(result.kills)}`);
    assert.deepEqual(
      result.integrity,
      result.integrity.map(() => []),
      'PRAGMA integrity_check is ok after every kill',
    );
    assert.equal(result.finalExit.code, 0, result.finalExit.lastLine);
    assert.deepEqual(result.differing, [], 'the targets converge to the clean run');
  });
});

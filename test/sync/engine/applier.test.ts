import { strict as assert } from 'assert';
import { applyChanges } from '../../../server/src/sync/apply/applier';
import type { UserChange } from '../../../server/src/sync/types';
import { FakeTarget } from './fakes';

function changes(n: number): UserChange[] {
  return Array.from({ length: n }, (_, i) => ({ username: `u${i}`, set: { properties: { X: String(i) } }, unset: {} }));
}

function targetWith(n: number): FakeTarget {
  const t = new FakeTarget('jira');
  for (let i = 0; i < n; i++) t.add(`u${i}`);
  return t;
}

describe('applier', () => {
  it('writes in batches of 100, one UserChange per user, and reports every user updated', async () => {
    const target = targetWith(250);
    const outcome = await applyChanges(target, changes(250));
    assert.deepEqual(
      target.writeCalls.map((b) => b.length),
      [100, 100, 50],
    );
    assert.equal(outcome.updated.length, 250);
    assert.deepEqual(outcome.notDone, []);
    assert.equal(target.users.get('u249')?.properties.X, '249');
  });

  it('keeps at most `concurrency` batches in flight', async () => {
    const target = targetWith(1000);
    target.writeDelayMs = 5;
    await applyChanges(target, changes(1000), { concurrency: 3 });
    assert.equal(target.writeCalls.length, 10);
    assert.equal(target.maxInFlight, 3);
  });

  it('on abort finishes the batches in flight, starts no new one, and lists every user not done', async () => {
    const target = targetWith(500);
    const controller = new AbortController();
    target.duringWrite = () => controller.abort();
    const outcome = await applyChanges(target, changes(500), { concurrency: 1, signal: controller.signal });
    assert.equal(target.writeCalls.length, 1, 'only the batch in flight');
    assert.equal(outcome.updated.length, 100);
    assert.equal(outcome.aborted, true);
    assert.equal(outcome.notDone.length, 400);
    assert.ok(outcome.notDone.every((n) => n.status === 'aborted'));
    assert.equal(target.users.get('u99')?.properties.X, '99', 'the in-flight batch was written');
  });

  it('reports rejected and not-found users with the target message', async () => {
    const target = targetWith(3);
    target.outcome = { u1: { status: 'rejected', message: 'value too long' } };
    const outcome = await applyChanges(target, [...changes(3), { username: 'nobody', set: {}, unset: {} }]);
    assert.deepEqual(outcome.updated.sort(), ['u0', 'u2']);
    assert.deepEqual(outcome.notDone.map((n) => [n.username, n.status, n.message]).sort(), [
      ['nobody', 'not_found', 'not_found'],
      ['u1', 'rejected', 'value too long'],
    ]);
  });

  it('counts a user the writer did not answer for as failed', async () => {
    const target = targetWith(2);
    target.write = async (batch) => [{ username: batch[0].username, status: 'updated' }];
    const outcome = await applyChanges(target, changes(2));
    assert.deepEqual(
      outcome.notDone.map((n) => [n.username, n.status]),
      [['u1', 'failed']],
    );
  });

  it('halves the worker pool after the target saw a 429', async () => {
    const target = targetWith(1200);
    target.writeDelayMs = 5;
    let throttles = 0;
    const inFlightAtStart: number[] = [];
    target.duringWrite = () => {
      inFlightAtStart.push(target.inFlight);
      if (target.writeCalls.length === 1) throttles++; // the first batch met a 429 (retried by the writer)
    };
    await applyChanges(target, changes(1200), { concurrency: 4, throttleCount: () => throttles });
    assert.equal(Math.max(...inFlightAtStart.slice(0, 4)), 4, 'four batches in flight at first');
    assert.ok(
      inFlightAtStart.slice(8).every((n) => n <= 2),
      `at most two later: ${inFlightAtStart.join(',')}`,
    );
  });

  it('stops sending after a batch failed because the token was refused', async () => {
    const target = targetWith(300);
    target.write = async (batch) => {
      target.writeCalls.push(batch);
      return batch.map((c) => ({
        username: c.username,
        status: 'failed' as const,
        message: 'target jira: the token was not accepted (HTTP 401); check the token setting',
      }));
    };
    const outcome = await applyChanges(target, changes(300), { concurrency: 1 });
    assert.equal(target.writeCalls.length, 1);
    assert.equal(outcome.notDone.length, 300);
    assert.equal(outcome.notDone.filter((n) => n.status === 'skipped').length, 200);
  });
});

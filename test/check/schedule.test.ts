import { strict as assert } from 'assert';
import { cronFields, describeCron, nextRuns, validateCron } from '../../server/src/model/cron';
import { expectClean, expectDiagnostic, usersync } from './fixture';

const scheduled = (cron: string) => usersync({ lines: [`schedule ${cron}`, 'map property "A" = mail'] });

describe('checks: schedule', () => {
  it('accepts 5- and 6-field cron expressions and nicknames', () => {
    for (const cron of [
      '"0 */6 * * *"',
      '"30 0 */6 * * *"',
      '"0 7 * * MON-FRI"',
      '"@daily"',
      '"0 0 L * *"',
      '"0 0 * * 5#2"',
    ])
      expectClean(scheduled(cron));
  });

  it('names the wrong field and marks it inside the string', () => {
    const d = expectDiagnostic(scheduled('"0 ⟦25⟧ * * *"'), 'invalid-cron');
    assert.equal(d.message, "the hour field does not accept '25': it takes 0–23, with lists, ranges and steps");
    assert.match(expectDiagnostic(scheduled('"0 0 1 ⟦13⟧ *"'), 'invalid-cron').message, /^the month field/);
    assert.match(expectDiagnostic(scheduled('"0 0 * * ⟦8⟧"'), 'invalid-cron').message, /^the day-of-week field/);
    assert.match(expectDiagnostic(scheduled('"⟦61⟧ 0 * * * *"'), 'invalid-cron').message, /^the second field/);
    assert.match(expectDiagnostic(scheduled('"⟦*/0⟧ 0 * * *"'), 'invalid-cron').message, /^the minute field/);
  });

  it('counts the fields when there are too few or too many', () => {
    assert.match(
      expectDiagnostic(scheduled('⟦"0 * * *"⟧'), 'invalid-cron').message,
      /5 fields .* or 6 .*; this one has 4/,
    );
    expectDiagnostic(scheduled('⟦"0 0 0 * * * *"⟧'), 'invalid-cron');
    assert.match(expectDiagnostic(scheduled('⟦""⟧'), 'invalid-cron').message, /empty/);
  });

  it('reports a schedule that never fires', () => {
    expectDiagnostic(scheduled('⟦"0 0 30 2 *"⟧'), 'cron-never-runs');
  });

  it('warns about a schedule that fires more than once a minute', () => {
    const d = expectDiagnostic(scheduled('⟦"*/10 * * * * *"⟧'), 'frequent-schedule');
    assert.equal(d.severity, 'warning');
    expectClean(scheduled('"0 * * * * *"'));
  });

  describe('model/cron', () => {
    it('describes schedules in words', () => {
      assert.equal(describeCron('0 */6 * * *'), 'On the hour, every 6 hours');
      assert.equal(describeCron('0 7 * * MON-FRI'), 'At 07:00, Monday through Friday');
      assert.equal(describeCron('@daily'), 'Every day at 00:00');
      assert.equal(describeCron('0 25 * * *'), undefined);
    });

    it('lists the next runs after a time', () => {
      const runs = nextRuns('0 */6 * * *', 3, new Date('2025-01-01T01:00:00Z'), 'UTC');
      assert.deepEqual(
        runs.map((d) => d.toISOString()),
        ['2025-01-01T06:00:00.000Z', '2025-01-01T12:00:00.000Z', '2025-01-01T18:00:00.000Z'],
      );
      assert.deepEqual(nextRuns('bad', 3), []);
    });

    it('splits fields with their offsets, seconds first in 6-field expressions', () => {
      assert.deepEqual(
        cronFields('0  */6 * * *')?.map((f) => [f.field.name, f.start]),
        [
          ['minute', 0],
          ['hour', 3],
          ['day-of-month', 7],
          ['month', 9],
          ['day-of-week', 11],
        ],
      );
      assert.equal(cronFields('5 0 */6 * * *')?.[0].field.name, 'second');
      assert.equal(validateCron('0 */6 * * *'), undefined);
    });
  });
});

import { strict as assert } from 'assert';
import { withoutErrorStacks } from '../../server/src/syntax/without-stacks';

describe('withoutErrorStacks', () => {
  it('runs once with Error stacks off and puts the limit back', () => {
    const before = Error.stackTraceLimit;
    let runs = 0;
    const stack = withoutErrorStacks(() => {
      runs++;
      return new Error('made while parsing').stack ?? '';
    });
    assert.equal(runs, 1);
    assert.doesNotMatch(stack, /\n\s+at /, 'an Error made inside has no stack frames');
    assert.equal(Error.stackTraceLimit, before);
  });

  it('runs again with stacks on when something throws, so that the escaping error has its stack', () => {
    const before = Error.stackTraceLimit;
    let runs = 0;
    assert.throws(
      () =>
        withoutErrorStacks(() => {
          runs++;
          throw new Error('a real bug');
        }),
      (e: Error) => e.message === 'a real bug' && (e.stack ?? '').includes('without-stacks.test'),
    );
    assert.equal(runs, 2);
    assert.equal(Error.stackTraceLimit, before);
  });
});

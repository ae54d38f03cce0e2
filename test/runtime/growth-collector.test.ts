import { strict as assert } from 'assert';
import { exposeGc, GrowthCollector } from '../../server/src/runtime/growth-collector';

const MB = 1024 * 1024;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A heap whose measured part the test sets, and which counts the full collections asked of it. */
function fakeHeap(size: number) {
  const heap = {
    size,
    collections: 0,
    bytes: () => heap.size,
    gc: () => {
      heap.collections++;
      heap.size = 1 * MB; // what survives
    },
  };
  return heap;
}

describe('a full collection when part of the heap has grown', () => {
  it('collects once, on the turn after the work, when the measure grew past the threshold', async () => {
    const heap = fakeHeap(1 * MB);
    const collector = new GrowthCollector(4 * MB, heap);
    heap.size = 6 * MB;
    collector.check();
    collector.check();
    assert.equal(heap.collections, 0, 'not during the work that called check');
    await nextTurn();
    assert.equal(heap.collections, 1);
  });

  it('leaves V8 alone below the threshold, and measures growth from the last collection', async () => {
    const heap = fakeHeap(1 * MB);
    const collector = new GrowthCollector(4 * MB, heap);
    heap.size = 4.5 * MB;
    collector.check();
    await nextTurn();
    assert.equal(heap.collections, 0);
    heap.size = 6 * MB;
    collector.check();
    await nextTurn();
    heap.size = 4.5 * MB; // 3.5 MB above what the collection left
    collector.check();
    await nextTurn();
    assert.equal(heap.collections, 1);
  });

  it('collects at once at the end of a phase, when the measure grew by the bar given since the last collection', () => {
    const heap = fakeHeap(1 * MB);
    const collector = new GrowthCollector(16 * MB, heap);
    heap.size = 4 * MB;
    collector.collectNow(4 * MB);
    assert.equal(heap.collections, 0, '3 MB of growth is under the bar');
    heap.size = 5.5 * MB;
    collector.collectNow(4 * MB);
    assert.equal(heap.collections, 1, 'synchronously, far under the threshold of check()');
    heap.size = 4 * MB; // 3 MB above what that collection left
    collector.collectNow(4 * MB);
    assert.equal(heap.collections, 1);
  });

  it('gets a callable full collection from V8 in a process started without --expose-gc', () => {
    const gc = exposeGc();
    assert.equal(typeof gc, 'function');
    gc?.();
  });
});

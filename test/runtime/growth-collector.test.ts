import { strict as assert } from 'assert';
import { exposeGc, LargeTextCollector } from '../../server/src/lsp/memory';

const MB = 1024 * 1024;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A heap whose large-object space the test sets, and which counts the full collections asked of it. */
function fakeHeap(bytes: number) {
  const heap = {
    bytes,
    collections: 0,
    largeObjectBytes: () => heap.bytes,
    gc: () => {
      heap.collections++;
      heap.bytes = 1 * MB; // what survives: the current text
    },
  };
  return heap;
}

describe('collecting the old copies of a large document text', () => {
  it('collects once, on the turn after a publish, when old texts have piled up past the threshold', async () => {
    const heap = fakeHeap(1 * MB);
    const collector = new LargeTextCollector(4 * MB, heap);
    heap.bytes = 6 * MB;
    collector.afterPublish();
    collector.afterPublish();
    assert.equal(heap.collections, 0, 'not while the publish is on its way');
    await nextTurn();
    assert.equal(heap.collections, 1);
  });

  it('leaves V8 alone below the threshold, and measures growth from the last collection', async () => {
    const heap = fakeHeap(1 * MB);
    const collector = new LargeTextCollector(4 * MB, heap);
    heap.bytes = 4.5 * MB;
    collector.afterPublish();
    await nextTurn();
    assert.equal(heap.collections, 0);
    heap.bytes = 6 * MB;
    collector.afterPublish();
    await nextTurn();
    heap.bytes = 4.5 * MB; // 3.5 MB above what the collection left
    collector.afterPublish();
    await nextTurn();
    assert.equal(heap.collections, 1);
  });

  it('gets a callable full collection from V8 in a process started without --expose-gc', () => {
    const gc = exposeGc();
    assert.equal(typeof gc, 'function');
    gc?.();
  });
});

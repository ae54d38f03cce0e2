import { getHeapSpaceStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/**
 * A full garbage collection when some part of the heap has grown by `thresholdBytes` since the last
 * one. V8 lets garbage in its old generation and large-object space pile up for tens of megabytes
 * before it collects; a process that knows when it has just let go of a lot (the language server
 * after replacing a large document's text, the engine after planning a page of users) keeps its peak
 * memory close to what it really holds. The collection runs on the next turn of the event loop, off
 * the path of the work just done.
 */
export class GrowthCollector {
  private baseline: number;
  private scheduled = false;

  constructor(
    private readonly thresholdBytes: number,
    private readonly heap: { bytes(): number; gc: (() => void) | undefined },
  ) {
    this.baseline = heap.bytes();
  }

  /**
   * A collection now, when the measure grew by at least `minBytes` since the last one: for the end of a phase
   * whose records have just become garbage, before the next phase allocates on top of them.
   */
  collectNow(minBytes: number): void {
    const { gc } = this.heap;
    if (!gc || this.heap.bytes() - this.baseline < minBytes) return;
    gc();
    this.baseline = this.heap.bytes();
  }

  /** Called after a unit of work; schedules one collection when the measure grew past the threshold. */
  check(): void {
    const { gc } = this.heap;
    if (!gc || this.scheduled || this.heap.bytes() - this.baseline < this.thresholdBytes) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      gc();
      this.baseline = this.heap.bytes();
    });
  }
}

/** Bytes in V8's large-object space: strings and arrays over 128 KB, freed only by a full collection. */
export function largeObjectBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')?.space_size ?? 0;
}

/** Bytes used in the old generation (old space and large-object space), where promoted garbage waits. */
export function oldGenerationBytes(): number {
  let bytes = 0;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name === 'old_space') bytes += s.space_used_size;
    if (s.space_name === 'large_object_space') bytes += s.space_size;
  }
  return bytes;
}

let exposed: { gc: (() => void) | undefined } | undefined;

/** V8's full collection, made callable without starting node with --expose-gc (once per process). */
export function exposeGc(): (() => void) | undefined {
  if (!exposed) {
    try {
      setFlagsFromString('--expose-gc');
      exposed = { gc: runInNewContext('gc') as () => void };
    } catch {
      exposed = { gc: undefined };
    }
  }
  return exposed.gc;
}

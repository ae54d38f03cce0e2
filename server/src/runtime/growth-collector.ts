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
  return spaceBytes('large_object_space');
}

/** Bytes used in the old generation (old space and large-object space), where promoted garbage waits. */
export function oldGenerationBytes(): number {
  return spaceBytes('old_space') + spaceBytes('large_object_space');
}

function spaceBytes(name: string): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === name);
  return name === 'large_object_space' ? (space?.space_size ?? 0) : (space?.space_used_size ?? 0);
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

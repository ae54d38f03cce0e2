import { getHeapSpaceStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/**
 * Every edit makes a new copy of the whole document text (TextDocument joins the text around the
 * change), and V8 puts strings over 128 KB in its large-object space, which only a full collection
 * empties. Typing in a 500 KB file leaves half a megabyte there per keystroke, and V8 lets tens of
 * megabytes pile up before it collects. After diagnostics are published, when that space has grown
 * by `thresholdBytes` since the last full collection, this runs one: 12–20 ms with the benchmark's
 * 12,000-line file open, about once every four edits of it.
 */
export class LargeTextCollector {
  private baseline: number;
  private scheduled = false;

  constructor(
    private readonly thresholdBytes = 2 * 1024 * 1024,
    private readonly heap: { largeObjectBytes(): number; gc: (() => void) | undefined } = {
      largeObjectBytes,
      gc: exposeGc(),
    },
  ) {
    this.baseline = heap.largeObjectBytes();
  }

  /** Called after a publish; collects soon after, off the path of the diagnostics just sent. */
  afterPublish(): void {
    const { gc } = this.heap;
    if (!gc || this.scheduled || this.heap.largeObjectBytes() - this.baseline < this.thresholdBytes) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      gc();
      this.baseline = this.heap.largeObjectBytes();
    });
  }
}

function largeObjectBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')?.space_size ?? 0;
}

/** V8's full collection, made callable without starting node with --expose-gc. */
export function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

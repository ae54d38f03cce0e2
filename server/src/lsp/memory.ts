import { exposeGc, GrowthCollector, largeObjectBytes } from '../runtime/growth-collector';

/**
 * Every edit makes a new copy of the whole document text (TextDocument joins the text around the
 * change), and V8 puts strings over 128 KB in its large-object space, which only a full collection
 * empties. Typing in a 500 KB file leaves half a megabyte there per keystroke, and V8 lets tens of
 * megabytes pile up before it collects. After diagnostics are published, when that space has grown
 * by 2 MB since the last full collection, this runs one: 12–20 ms with the benchmark's 12,000-line
 * file open, about once every four edits of it.
 */
export function largeTextCollector(): GrowthCollector {
  return new GrowthCollector(2 * 1024 * 1024, { bytes: largeObjectBytes, gc: exposeGc() });
}

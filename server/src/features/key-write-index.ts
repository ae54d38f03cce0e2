import * as path from 'path';
import { fileURLToPath } from 'url';
import type { KeyWrite } from '../check/shared-targets-across-files';

/**
 * What the usersync files of the workspace, as saved, write where (`keyWritesOf`), by file uri: the language
 * server compares an open document with them for `shared-target-key` across files. `onChange` runs when a
 * file's writes change, so that open documents are checked again. Files are told apart by their path, not the
 * text of their uri: an editor may spell a path's characters (`@`, `:`) differently from the workspace scan, and
 * an open document must never be compared with its own saved copy.
 */
export class KeyWriteIndex {
  private readonly files = new Map<string, { uri: string; writes: KeyWrite[]; id: string }>();

  constructor(private readonly onChange: () => void = () => undefined) {}

  set(uri: string, writes: KeyWrite[]): void {
    const id = JSON.stringify(writes);
    const key = fileKey(uri);
    if (this.files.get(key)?.id === id) return;
    this.files.set(key, { uri, writes, id });
    this.onChange();
  }

  delete(uri: string): void {
    if (this.files.delete(fileKey(uri))) this.onChange();
  }

  /** Every file but `uri`, with its writes. */
  others(uri: string): { uri: string; writes: readonly KeyWrite[] }[] {
    const own = fileKey(uri);
    const out: { uri: string; writes: readonly KeyWrite[] }[] = [];
    for (const [key, file] of this.files)
      if (key !== own && file.writes.length > 0) out.push({ uri: file.uri, writes: file.writes });
    return out;
  }
}

function fileKey(uri: string): string {
  try {
    return uri.startsWith('file:') ? path.resolve(fileURLToPath(uri)) : uri;
  } catch {
    return uri;
  }
}

import type { KeyWrite } from '../check/shared-targets-across-files';

/**
 * What the usersync files of the workspace, as saved, write where (`keyWritesOf`), by file uri: the language
 * server compares an open document with them for `shared-target-key` across files. `onChange` runs when a
 * file's writes change, so that open documents are checked again.
 */
export class KeyWriteIndex {
  private readonly files = new Map<string, { writes: KeyWrite[]; id: string }>();

  constructor(private readonly onChange: () => void = () => undefined) {}

  set(uri: string, writes: KeyWrite[]): void {
    const id = JSON.stringify(writes);
    if (this.files.get(uri)?.id === id) return;
    this.files.set(uri, { writes, id });
    this.onChange();
  }

  delete(uri: string): void {
    if (this.files.delete(uri)) this.onChange();
  }

  /** Every file but `uri`, with its writes. */
  others(uri: string): { uri: string; writes: readonly KeyWrite[] }[] {
    const out: { uri: string; writes: readonly KeyWrite[] }[] = [];
    for (const [other, { writes }] of this.files)
      if (other !== uri && writes.length > 0) out.push({ uri: other, writes });
    return out;
  }
}

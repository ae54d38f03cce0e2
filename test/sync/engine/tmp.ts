import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh temp folder per spec, removed in after hooks. */
export function tempDir(prefix = 'usersync-engine-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

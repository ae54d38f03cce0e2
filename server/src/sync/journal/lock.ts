import * as fs from 'fs';
import * as os from 'os';

/**
 * One run at a time per state file: an exclusive lockfile `<state>.lock` (created with O_EXCL) that
 * holds the owner's pid and host. A lockfile whose pid no longer lives on this host is stale and
 * taken over, so a SIGKILLed run never blocks the next one.
 */

export class LockHeldError extends Error {
  constructor(readonly pid: number) {
    super(`another run (pid ${pid}) holds the state file`);
  }
}

export interface StateLock {
  readonly file: string;
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

export function lockFileFor(stateFile: string): string {
  return `${stateFile}.lock`;
}

export function acquireLock(stateFile: string): StateLock {
  const file = lockFileFor(stateFile);
  const mine: LockContent = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(mine));
      fs.closeSync(fd);
      return { file, release: () => releaseIfOurs(file, mine) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      if (holder && holderAlive(holder)) throw new LockHeldError(holder.pid);
      removeStale(file);
    }
  }
  const holder = readHolder(file);
  throw new LockHeldError(holder?.pid ?? 0);
}

function readHolder(file: string): LockContent | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number') return undefined;
    return { pid: parsed.pid, host: String(parsed.host ?? ''), since: String(parsed.since ?? '') };
  } catch {
    return undefined;
  }
}

function holderAlive(holder: LockContent): boolean {
  if (holder.host !== os.hostname()) return true; // cannot see another host's processes: assume alive
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeStale(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

function releaseIfOurs(file: string, mine: LockContent): void {
  const holder = readHolder(file);
  if (holder && holder.pid === mine.pid && holder.since === mine.since) removeStale(file);
}

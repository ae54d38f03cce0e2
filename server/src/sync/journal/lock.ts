import * as fs from 'fs';
import * as os from 'os';

/**
 * One run at a time per state file: an exclusive lockfile `<state>.lock` (created with O_EXCL) that
 * holds the owner's pid and host. A lockfile whose pid no longer lives on this host is stale and
 * taken over, so a SIGKILLed run never blocks the next one. The holder touches the file every 30 s;
 * a lock from another host (a new pod of a CronJob) is stale once it has not been touched for 5 minutes.
 */
const HEARTBEAT_MS = 30_000;
const OTHER_HOST_STALE_MS = 5 * 60_000;

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
      const heartbeat = setInterval(() => touch(file), HEARTBEAT_MS);
      heartbeat.unref();
      return {
        file,
        release: () => {
          clearInterval(heartbeat);
          releaseIfOurs(file, mine);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      if (holder && holderAlive(holder, file)) throw new LockHeldError(holder.pid);
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

function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // the lock is gone (released, or taken over as stale): nothing to keep alive
  }
}

function lastTouched(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function holderAlive(holder: LockContent, file: string): boolean {
  if (holder.host !== os.hostname()) return lastTouched(file) > Date.now() - OTHER_HOST_STALE_MS;
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

import { performance } from 'perf_hooks';
import { beforeEachRequest } from './server-hook';
import { kindOf, type RequestKind } from './sync-requests';

/**
 * How long the sandbox takes to answer each kind of request, measured from outside: every HTTP server
 * created after `watchServiceTime()` in this process is watched (server-hook.ts), and the time from a
 * request's arrival to the end of its response (the configured latency included) is added to its kind.
 * This separates the simulator's own cost from the engine's: a critical path at the sandbox's service
 * time is the best any client could do against it.
 */

export type ServiceTimes = Record<RequestKind, { count: number; totalMs: number }>;

const totals = emptyTimes();
let installed = false;

export function emptyTimes(): ServiceTimes {
  const zero = () => ({ count: 0, totalMs: 0 });
  return {
    token: zero(),
    idpPages: zero(),
    perUser: zero(),
    targetReads: zero(),
    targetWrites: zero(),
    other: zero(),
  };
}

/** Watches every server created from now on; call before the sandbox starts. */
export function watchServiceTime(): void {
  if (installed) return;
  installed = true;
  beforeEachRequest((req, res) => {
    const start = performance.now();
    res.once('finish', () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const [, vendor = '', ...rest] = url.pathname.split('/');
      const t = totals[kindOf(vendor, `${req.method} /${rest.join('/')}`)];
      t.count++;
      t.totalMs += performance.now() - start;
    });
  });
}

/** The totals so far (a copy): subtract two snapshots to get one run's. */
export function serviceSnapshot(): ServiceTimes {
  return structuredClone(totals);
}

export function serviceBetween(before: ServiceTimes, after: ServiceTimes): ServiceTimes {
  const out = emptyTimes();
  for (const k of Object.keys(out) as RequestKind[]) {
    out[k] = { count: after[k].count - before[k].count, totalMs: after[k].totalMs - before[k].totalMs };
  }
  return out;
}

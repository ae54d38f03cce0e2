import type { IncomingMessage, ServerResponse } from 'http';
import type { FaultInjector } from './faults';
import { findRoute, JsonText, SimRequest, SimResponse, Simulator, VendorName } from './http';

/**
 * One request through the sandbox: find the vendor by path prefix and the route, count it, decide a
 * fault (before any handler runs, so a faulted write is never half-applied), work out the answer, and
 * send it once the configured latency has passed since the request arrived. The simulator's own work
 * runs within the latency, as a vendor's does within the time its answer takes: an answer leaves after
 * the latency or the work, whichever is longer, not after both (docs/benchmarks.md, "Latency").
 */

const MAX_BODY = 5 * 1024 * 1024;

export interface Counters {
  requests: Partial<Record<VendorName, Record<string, number>>>;
  statuses: Partial<Record<VendorName, Record<string, number>>>;
  total: number;
}

export interface DispatchOptions {
  origin: () => string;
  simulators: Map<string, Simulator>;
  faults: FaultInjector;
  latencyMs: number;
  counters: Counters;
  delay: (ms: number) => Promise<void>;
}

export async function dispatch(o: DispatchOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const latency = o.delay(o.latencyMs);
  const url = new URL(req.url ?? '/', o.origin());
  const prefix = url.pathname.split('/')[1] ?? '';
  const sim = o.simulators.get(prefix);
  const body = await readBody(req);
  if (!sim) {
    await latency;
    return send(res, {
      status: 404,
      body: { message: `No simulator at /${prefix}; use ${[...o.simulators.keys()].map((k) => '/' + k).join(' ')}` },
    });
  }
  if (body === undefined) return send(res, { status: 413, body: { message: 'Request body too large.' } });
  const method = req.method ?? 'GET';
  const path = url.pathname.slice(prefix.length + 1) || '/';
  const found = findRoute(sim.routes, method, path);
  const name = found?.route.name ?? `${method} (no such route)`;
  count(o.counters.requests, sim.vendor, name);
  o.counters.total++;
  const simReq: SimRequest = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    body,
    params: found?.params ?? [],
    base: `${o.origin()}/${prefix}`,
    url: `${o.origin()}${req.url}`,
  };
  const fault = found && !found.route.noFaults ? o.faults.decide(sim.vendor) : undefined;
  if (fault === 'reset') {
    await latency;
    count(o.counters.statuses, sim.vendor, 'reset');
    req.socket.destroy();
    return;
  }
  let response: SimResponse;
  if (fault === '429' || fault === '500' || fault === '503')
    response = sim.fault(Number(fault) as 429 | 500 | 503, simReq);
  else response = found ? await found.route.handler(simReq) : sim.notFound(simReq);
  await latency;
  if (fault === 'slow') await o.delay(o.faults.slowMs);
  count(o.counters.statuses, sim.vendor, String(response.status));
  send(res, response);
}

function count(table: Partial<Record<VendorName, Record<string, number>>>, vendor: VendorName, key: string): void {
  const t = (table[vendor] ??= {});
  t[key] = (t[key] ?? 0) + 1;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, r: SimResponse): void {
  if (res.destroyed || res.headersSent) return;
  res.statusCode = r.status;
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
  if (r.body === undefined || r.status === 204) {
    res.end();
    return;
  }
  const text: string | Buffer =
    typeof r.body === 'string' ? r.body : r.body instanceof JsonText ? r.body.bytes : JSON.stringify(r.body);
  if (!res.hasHeader('Content-Type'))
    res.setHeader(
      'Content-Type',
      typeof r.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    );
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

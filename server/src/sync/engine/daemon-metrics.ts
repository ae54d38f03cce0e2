import * as http from 'http';
import type { AddressInfo } from 'net';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Journal, RunRecord } from '../journal/journal';

/**
 * `usersync daemon --metrics <host:port>`: Prometheus metrics at `/metrics`, read from the journal at each
 * scrape, so they hold across restarts and count the runs that failed before writing too. An alert such as
 * `time() - usersync_last_run_end_timestamp_seconds{status="ok"} > 7 * 3600` catches a connector that stopped
 * succeeding; the process metrics (`process_*`, `nodejs_*`) come from prom-client.
 */
export function daemonMetrics(journal: Journal, scheduled: () => readonly string[]): MetricsSource {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // the journal is read once per scrape; every gauge below reads this
  let now: { counts: ReturnType<Journal['runCounts']>; last: RunRecord[] } = { counts: [], last: [] };
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => void): void => {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        collect(this);
      },
    });
  };
  gauge('usersync_connector_scheduled', 'Connectors the daemon runs on a schedule (1).', ['connector'], (g) => {
    for (const connector of scheduled()) g.set({ connector }, 1);
  });
  gauge(
    'usersync_last_run_end_timestamp_seconds',
    'When the last run of each status ended, per connector (Unix time).',
    ['connector', 'status'],
    (g) => {
      for (const c of now.counts)
        g.set({ connector: c.connector, status: c.status }, Date.parse(c.lastFinished) / 1000);
    },
  );
  gauge('usersync_runs', 'Finished runs in the journal, per connector and status.', ['connector', 'status'], (g) => {
    for (const c of now.counts) g.set({ connector: c.connector, status: c.status }, c.runs);
  });
  const last = (name: string, help: string, value: (run: RunRecord) => number | undefined) =>
    gauge(name, help, ['connector', 'status'], (g) => {
      for (const run of now.last) {
        const v = value(run);
        if (v !== undefined && Number.isFinite(v)) g.set({ connector: run.connector, status: run.status }, v);
      }
    });
  const stat = (key: string) => (run: RunRecord) => (typeof run.stats[key] === 'number' ? run.stats[key] : undefined);
  last(
    'usersync_last_run_duration_seconds',
    'Duration of the last run, reading included.',
    (run) => (Date.parse(run.finished ?? '') - Date.parse(run.started)) / 1000,
  );
  last('usersync_last_run_users_updated', 'Users the last run updated.', stat('updated'));
  last('usersync_last_run_users_not_done', 'Users the last run could not update.', stat('notDone'));
  last('usersync_last_run_changes', 'Key-level changes the last run planned.', stat('changes'));
  return {
    contentType: registry.contentType,
    metrics: () => {
      now = { counts: journal.runCounts(), last: journal.lastRuns() };
      return registry.metrics();
    },
  };
}

/** The text of one scrape, and its content type. */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

/** Serves `/metrics` on `host:port` (port 0: any free one); resolves once listening, with the address. */
export async function serveMetrics(
  source: MetricsSource,
  host: string,
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    source.metrics().then(
      (body) => res.writeHead(200, { 'content-type': source.contentType }).end(body),
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { address, port: bound } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${bound}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import * as http from 'http';
import type { AddressInfo } from 'net';

/**
 * A small HTTP server on 127.0.0.1 (port 0) that records every request and answers with a handler:
 * a fake IdP, a "foreign host" that must never be asked, or a redirector.
 */

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordingServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

export async function recordingServer(handler: (req: Seen) => Answer = () => ({})): Promise<RecordingServer> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
      seen.push(s);
      const a = handler(s);
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

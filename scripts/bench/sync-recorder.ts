import type * as Http from 'http';
import { beforeEachRequest } from './server-hook';
import { kindOf, type RequestKind } from './sync-requests';

/**
 * Records the requests the sandbox receives while recording is on: method, URL, the headers a client
 * must send again (authorization, content type, accept) and the body. The sync benchmark records the
 * engine's measured run and hands the recording to the floor client (sync-floor.ts), which sends the
 * same requests again in the order the engine's strategy allows. The recording stays in memory and
 * goes to the floor client over a pipe: it holds the benchmark's bearer tokens.
 */

export interface RecordedRequest {
  kind: RequestKind;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const KEPT_HEADERS = ['authorization', 'content-type', 'accept'];

let recording: Raw[] | undefined;
let installed = false;

/** Watches every server created from now on; call before the sandbox starts. Records nothing until startRecording(). */
export function installRecorder(): void {
  if (installed) return;
  installed = true;
  beforeEachRequest((req) => {
    if (recording) record(recording, req);
  });
}

/**
 * Kept light, as it runs on the sandbox's thread during the measured run: the request is listed as it
 * arrives, with its headers as Node parsed them; a body is collected only for requests that have one.
 */
interface Raw {
  method: string;
  url: string;
  headers: Http.IncomingHttpHeaders;
  chunks: Buffer[];
}

function record(into: Raw[], req: Http.IncomingMessage): void {
  const entry: Raw = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, chunks: [] };
  into.push(entry);
  // a second 'data' listener: the sandbox's own reader attaches in the same tick and gets every chunk too
  if (entry.method !== 'GET') req.on('data', (c: Buffer) => entry.chunks.push(c));
}

function finish(r: Raw): RecordedRequest {
  const [, vendor = '', ...rest] = new URL(r.url, 'http://sandbox').pathname.split('/');
  const headers: Record<string, string> = {};
  for (const h of KEPT_HEADERS) {
    const v = r.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  return {
    kind: kindOf(vendor, `${r.method} /${rest.join('/')}`),
    method: r.method,
    url: r.url,
    headers,
    body: Buffer.concat(r.chunks).toString('utf8'),
  };
}

export function startRecording(): void {
  recording = [];
}

export function stopRecording(): RecordedRequest[] {
  const out = (recording ?? []).map(finish);
  recording = undefined;
  return out;
}

import * as path from 'path';
import { createHttpClient, type HttpClient, type HttpClientOptions, type HttpEvent } from '../http/client';
import type { BackoffOptions } from '../http/retry-policy';

/** What the engine hands to createSource / createTarget. */
export interface IoOptions {
  signal?: AbortSignal;
  /** HTTP events (method, redacted URL, status, attempt, waits) for the run log. */
  log?: (event: HttpEvent) => void;
  /** Parallel requests for per-user reads and target batches (default 4). */
  concurrency?: number;
  /** Folder of the config file: relative `ca_file` paths start here. */
  configDir: string;
  /** Users per page where the API lets us choose (tests use small pages); defaults are the vendor maxima. */
  pageSize?: number;
  /** Transport tuning (tests shorten the backoff). */
  http?: { maxRetries?: number; timeoutMs?: number; backoff?: Partial<BackoffOptions> };
}

export type ClientFactory = (baseUrl: string, auth?: HttpClientOptions['auth']) => HttpClient;

/** Builds pinned HTTP clients that share the connector's CA file, retry policy, signal and log. */
export function clientFactory(settings: Record<string, string>, opts: IoOptions): ClientFactory {
  const caFile = settings.ca_file ? path.resolve(opts.configDir, settings.ca_file) : undefined;
  return (baseUrl, auth) =>
    createHttpClient({
      baseUrl,
      auth,
      caFile,
      signal: opts.signal,
      onEvent: opts.log,
      maxRetries: opts.http?.maxRetries,
      timeoutMs: opts.http?.timeoutMs,
      backoff: opts.http?.backoff,
    });
}

/** A required setting, or a clear error naming it. */
export function required(settings: Record<string, string>, key: string, where: string): string {
  const v = settings[key];
  if (v === undefined || v.trim() === '') throw new Error(`${where}: setting "${key}" is required`);
  return v.trim();
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

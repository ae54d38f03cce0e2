import type { RunnableConnector, SourceReader, TargetWriter } from '../types';
import type { IoOptions } from '../sources/source-options';
import type { HttpEvent } from '../http/client';
import { createSource } from '../sources';
import { createTarget } from '../targets';

/**
 * Where the engine gets its readers and writers. Injectable (specs use in-memory fakes); by default
 * the real HTTP clients. The target never gets the run's abort signal: a write in flight is finished.
 */

export type SourceFactory = (connector: RunnableConnector, options: IoOptions) => SourceReader;
export type TargetFactory = (connector: RunnableConnector, options: IoOptions) => TargetWriter;

export interface EngineIo {
  createSource?: SourceFactory;
  createTarget?: TargetFactory;
  /** Transport tuning handed to the factories (page size, retries, backoff). */
  io?: Pick<IoOptions, 'pageSize' | 'http' | 'concurrency'>;
}

export interface OpenedIo {
  source: () => SourceReader;
  target: TargetWriter;
  /** 429 answers the target has seen so far (drives the applier's slowdown). */
  throttles: () => number;
}

export function openIo(
  connector: RunnableConnector,
  configDir: string,
  deps: EngineIo,
  signal: AbortSignal | undefined,
  onHttp?: (event: HttpEvent) => void,
): OpenedIo {
  let throttles = 0;
  const base: IoOptions = { configDir, ...deps.io };
  const target = (deps.createTarget ?? createTarget)(connector, {
    ...base,
    log: (event) => {
      if (event.status === 429) throttles++;
      onHttp?.(event);
    },
  });
  let source: SourceReader | undefined;
  return {
    source: () => (source ??= (deps.createSource ?? createSource)(connector, { ...base, signal, log: onHttp })),
    target,
    throttles: () => throttles,
  };
}

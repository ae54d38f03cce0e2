import type { Diagnostic } from '../../check/diagnostic';
import { printExpr } from '../../format/print-expr';
import type { Block, Connector, SourceType } from '../../model/model';
import { SOURCE_TYPES } from '../../model/model';
import { sourceBlock } from '../../model/query';
import { resolveValue } from '../../sync/secrets';
import type { LiveAttribute, SchemaFetcher } from './types';

export type { LiveAttribute, SchemaFetcher } from './types';

/**
 * The default readers: Okta, Microsoft Graph and Google schemas. Loaded on first use, so that a server
 * that never reads a live schema never loads the HTTP stack (axios and its dependencies).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- require, not import(): loaded on first use, and
   import() would bypass the CommonJS loader that runs the sources in development */
export const SCHEMA_FETCHERS: Readonly<Record<SourceType, SchemaFetcher>> = {
  okta: (settings, io) => (require('./okta-schema') as typeof import('./okta-schema')).fetchOktaSchema(settings, io),
  azure: (settings, io) =>
    (require('./graph-schema') as typeof import('./graph-schema')).fetchGraphSchema(settings, io),
  google: (settings, io) =>
    (require('./google-schema') as typeof import('./google-schema')).fetchGoogleSchema(settings, io),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface LiveSchemaDeps {
  fetchers?: Partial<Record<SourceType, SchemaFetcher>>;
  env?: NodeJS.ProcessEnv;
  /** Secrets handed over by the editor (secret("…")). */
  secrets?: (name: string) => string | undefined;
  /** Called when a schema arrived or failed: findings and completion may change. */
  onChange?: () => void;
  timeoutMs?: number;
  /** A failed read is tried again after this long (default 5 minutes). */
  retryMs?: number;
}

type Entry =
  | { state: 'pending' }
  | { state: 'ok'; attributes: LiveAttribute[]; paths: Set<string> }
  | { state: 'failed'; message: string; at: number };

export const LIVE_SCHEMA_CODE = 'live-schema-unavailable';

/**
 * Custom attributes read live from each source's IdP, cached per source (type + settings + folder).
 * Opt-in, and only in a trusted workspace: reading needs the source's credentials. A failure is one
 * information finding on the source block; the checks then accept any custom name, as without it.
 */
export class LiveSchemaService {
  private readonly cache = new Map<string, Entry>();
  private readonly keys = new WeakMap<Connector, string>();
  private enabled = false;
  private trusted = false;
  /** Changes whenever what the service knows changes (use it as the check generation). */
  generation = 0;

  constructor(private readonly deps: LiveSchemaDeps = {}) {}

  configure(options: { enabled?: boolean; trusted?: boolean }): void {
    const enabled = options.enabled ?? this.enabled;
    const trusted = options.trusted ?? this.trusted;
    if (enabled === this.enabled && trusted === this.trusted) return;
    this.enabled = enabled;
    this.trusted = trusted;
    this.cache.clear();
    this.changed();
  }

  get active(): boolean {
    return this.enabled && this.trusted;
  }

  /** Starts reading the schema of every connector source not read yet (returns at once). */
  ensure(connectors: readonly Connector[], configDir: string): void {
    if (!this.active) return;
    for (const c of connectors) {
      const key = this.keyOf(c, configDir);
      if (!key) continue;
      const entry = this.cache.get(key);
      if (entry && !(entry.state === 'failed' && Date.now() - entry.at > (this.deps.retryMs ?? 300_000))) continue;
      this.cache.set(key, { state: 'pending' });
      void this.read(key, sourceBlock(c) as Block, configDir);
    }
  }

  /** The custom attribute paths of the connector's source, once read; undefined otherwise (any custom name goes). */
  customPaths(c: Connector, configDir: string): Set<string> | undefined {
    const e = this.entry(c, configDir);
    return e?.state === 'ok' ? e.paths : undefined;
  }

  attributes(c: Connector, configDir: string): readonly LiveAttribute[] {
    const e = this.entry(c, configDir);
    return e?.state === 'ok' ? e.attributes : [];
  }

  /** The one finding for a source whose schema could not be read (spans relative to the connector's document). */
  failure(c: Connector, configDir: string): Diagnostic | undefined {
    const e = this.entry(c, configDir);
    const block = sourceBlock(c);
    if (e?.state !== 'failed' || !block) return undefined;
    const message = `custom attributes of source ${block.type} could not be read live: ${e.message}`;
    return {
      code: LIVE_SCHEMA_CODE,
      severity: 'information',
      message,
      span: block.typeSpan.end > block.typeSpan.start ? block.typeSpan : block.span,
    };
  }

  private entry(c: Connector, configDir: string): Entry | undefined {
    if (!this.active) return undefined;
    const key = this.keyOf(c, configDir);
    return key ? this.cache.get(key) : undefined;
  }

  private keyOf(c: Connector, configDir: string): string | undefined {
    let key = this.keys.get(c);
    if (key === undefined) {
      const block = sourceBlock(c);
      if (!block || !(SOURCE_TYPES as readonly string[]).includes(block.type)) key = '';
      else key = [block.type, ...block.settings.map((s) => `${s.key}=${printExpr(s.value)}`).sort()].join('\n');
      this.keys.set(c, key);
    }
    return key ? `${configDir}\n${key}` : undefined;
  }

  private async read(key: string, block: Block, configDir: string): Promise<void> {
    let entry: Entry;
    try {
      const settings = this.resolve(block, configDir);
      const fetcher = this.deps.fetchers?.[block.type as SourceType] ?? SCHEMA_FETCHERS[block.type as SourceType];
      const io = { configDir, http: { maxRetries: 1, timeoutMs: this.deps.timeoutMs ?? 15_000 } };
      const attributes = await fetcher(settings, io);
      entry = { state: 'ok', attributes, paths: new Set(attributes.map((a) => a.path)) };
    } catch (e) {
      entry = { state: 'failed', message: (e as Error).message || String(e), at: Date.now() };
    }
    if (this.cache.get(key)?.state !== 'pending') return; // reconfigured meanwhile
    this.cache.set(key, entry);
    this.changed();
  }

  private resolve(block: Block, configDir: string): Record<string, string> {
    const settings: Record<string, string> = {};
    const ctx = { env: this.deps.env ?? process.env, configDir, secrets: this.deps.secrets, trusted: this.trusted };
    for (const s of block.settings) {
      const r = resolveValue(s.value, ctx);
      if (r.value !== undefined) settings[s.key] = r.value;
      else if (s.value.kind !== 'missing') throw new Error(`${s.key}: ${r.error ?? 'no value'}`);
    }
    return settings;
  }

  private changed(): void {
    this.generation++;
    this.deps.onChange?.();
  }
}

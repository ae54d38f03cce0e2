import {
  LSPErrorCodes,
  ResponseError,
  type Diagnostic as LspDiagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../features/analysis/document-analysis';
import type { ServerContext } from './context';
import { toLspDiagnostic } from './convert';
import { ConvertedDiagnostics } from './converted-diagnostics';
import { largeTextCollector } from './memory';
import { guard, logError } from './safe';
import { workspaceFindings } from './workspace-findings';

/** A change that arrives while the previous one is still waiting or being checked waits this long. */
export const DEBOUNCE_MS = 60;
/** Checking yields to the event loop this often, so that a newer edit can cancel a stale run. */
const SLICE_MS = 8;

interface Run {
  cancelled: boolean;
  timer?: NodeJS.Timeout | NodeJS.Immediate;
}

/**
 * Diagnostics: pushed (textDocument/publishDiagnostics) unless the client pulls them
 * (textDocument/diagnostic). A change publishes at once when nothing is pending; changes that come
 * faster than the results are debounced, and the stale run is cancelled. Checking happens chunk by
 * chunk (each connector once per text), so after an edit only the edited connector is checked again.
 */
export class DiagnosticsPipeline {
  private readonly runs = new Map<string, Run>();
  private readonly converted = new ConvertedDiagnostics();
  private readonly collector = largeTextCollector();

  constructor(private readonly ctx: ServerContext) {}

  register(): void {
    const { connection } = this.ctx;
    if (!this.ctx.client.pullDiagnostics) return;
    connection.languages.diagnostics.on(
      guard(
        connection,
        'diagnostics',
        { kind: 'full', items: [] } as DocumentDiagnosticReport,
        async (params, token) => {
          const doc = this.ctx.documents.get(params.textDocument.uri);
          if (!doc) return { kind: 'full', items: [] };
          const resultId = `${doc.version}:${this.ctx.live.generation}`;
          if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
          const version = doc.version;
          const items = await this.compute(doc, () => token.isCancellationRequested || doc.version !== version);
          if (!items)
            throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
          this.collector.check();
          return { kind: 'full', resultId, items };
        },
      ),
    );
  }

  changed(uri: string): void {
    if (this.ctx.client.pullDiagnostics) return;
    const previous = this.runs.get(uri);
    if (previous) cancel(previous);
    const run: Run = { cancelled: false };
    this.runs.set(uri, run);
    const start = () => void this.publish(uri, run);
    run.timer = previous ? setTimeout(start, DEBOUNCE_MS) : setImmediate(start);
  }

  /** Something every document depends on changed (live schema, settings): check all open ones again. */
  refreshAll(): void {
    if (this.ctx.client.pullDiagnostics) {
      if (this.ctx.client.diagnosticRefresh) this.ctx.connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of this.ctx.documents.all()) this.changed(doc.uri);
  }

  closed(uri: string): void {
    const run = this.runs.get(uri);
    if (run) cancel(run);
    this.runs.delete(uri);
    if (!this.ctx.client.pullDiagnostics) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The findings of the document as it is now, or undefined when `stale()` turned true meanwhile. */
  async compute(doc: TextDocument, stale: () => boolean): Promise<LspDiagnostic[] | undefined> {
    const { store, live } = this.ctx;
    const analysis = store.analysis(doc);
    const checker = store.checker(doc);
    if (live.active) for (const p of analysis.pieces()) live.ensure(p.document.connectors, store.configDir(doc.uri));
    let sliceStart = Date.now();
    for (let i = 0; i < analysis.chunkCount; i++) {
      analysis.checkChunk(i, checker, live.generation);
      if (Date.now() - sliceStart >= SLICE_MS && i + 1 < analysis.chunkCount) {
        await new Promise((resolve) => setImmediate(resolve));
        if (stale()) return undefined;
        sliceStart = Date.now();
      }
    }
    if (stale()) return undefined;
    return this.assemble(doc, analysis);
  }

  private assemble(doc: TextDocument, analysis: DocumentAnalysis): LspDiagnostic[] {
    const { store, live, client } = this.ctx;
    const found = this.converted.convert(doc, analysis, store.checker(doc), live.generation, client.relatedInformation);
    found.push(...workspaceFindings(this.ctx, doc, analysis));
    if (live.active) {
      const dir = store.configDir(doc.uri);
      for (const p of analysis.pieces()) {
        for (const c of p.document.connectors) {
          const failure = live.failure(c, dir);
          if (failure) found.push(toLspDiagnostic(doc, doc.uri, failure, client.relatedInformation, p.base));
        }
      }
    }
    return found;
  }

  private async publish(uri: string, run: Run): Promise<void> {
    try {
      const doc = this.ctx.documents.get(uri);
      if (!doc || run.cancelled) return;
      const version = doc.version;
      const diagnostics = await this.compute(doc, () => run.cancelled || doc.version !== version);
      if (!diagnostics || run.cancelled) return;
      await this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
      this.collector.check();
    } catch (e) {
      logError(this.ctx.connection, 'diagnostics', e);
    } finally {
      if (this.runs.get(uri) === run) this.runs.delete(uri);
    }
  }
}

function cancel(run: Run): void {
  run.cancelled = true;
  if (run.timer) {
    clearTimeout(run.timer as NodeJS.Timeout);
    clearImmediate(run.timer as NodeJS.Immediate);
  }
}

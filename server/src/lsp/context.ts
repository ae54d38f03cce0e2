import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Piece } from '../features/analysis/document-analysis';
import type { LiveSchemaService } from '../features/live-schema/live-schema';
import type { KeyWriteIndex } from '../features/key-write-index';
import type { ReferenceIndex } from '../features/reference-names';
import type { DocumentStore } from './document-store';

/** What the client can do, read once from the initialize request. */
export interface ClientFeatures {
  snippets: boolean;
  markdown: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  relatedInformation: boolean;
  hierarchicalSymbols: boolean;
  configuration: boolean;
  /** VS Code runs `editor.action.triggerSuggest` after some completions (`manager.` → more names). */
  retriggerCommand: boolean;
}

export function clientFeatures(caps: ClientCapabilities, clientName = ''): ClientFeatures {
  const td = caps.textDocument ?? {};
  return {
    snippets: td.completion?.completionItem?.snippetSupport === true,
    markdown: (td.hover?.contentFormat ?? []).includes('markdown'),
    pullDiagnostics: td.diagnostic !== undefined,
    diagnosticRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    relatedInformation: td.publishDiagnostics?.relatedInformation === true || td.diagnostic !== undefined,
    hierarchicalSymbols: td.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    configuration: caps.workspace?.configuration === true,
    retriggerCommand: /code/i.test(clientName),
  };
}

/** Everything the LSP adapters share. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: DocumentStore;
  live: LiveSchemaService;
  references: ReferenceIndex;
  /** What the workspace's saved files write where (shared-target-key across files). */
  keyWrites: KeyWriteIndex;
  client: ClientFeatures;
}

/** The open document and its analysis for a request, or undefined when the document is not open. */
export function openDocument(
  ctx: ServerContext,
  uri: string,
): { doc: TextDocument; pieces: () => Piece[] } | undefined {
  const doc = ctx.documents.get(uri);
  if (!doc) return undefined;
  return { doc, pieces: () => ctx.store.analysis(doc).pieces() };
}

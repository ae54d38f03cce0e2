import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, type SymbolNode } from '../features/symbols';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './safe';

const KINDS: Record<SymbolNode['kind'], SymbolKind> = {
  connector: SymbolKind.Module,
  source: SymbolKind.Class,
  target: SymbolKind.Class,
  match: SymbolKind.Key,
  schedule: SymbolKind.Event,
  mapping: SymbolKind.Field,
  user: SymbolKind.Object,
  option: SymbolKind.Property,
};

/** textDocument/documentSymbol: connector > source, target, match, mappings, users (flat for old clients). */
export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    guard(ctx.connection, 'documentSymbol', [] as DocumentSymbol[] | SymbolInformation[], (params, token) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const nodes: DocumentSymbol[] = [];
      for (const piece of ctx.store.analysis(doc).pieces()) {
        if (token.isCancellationRequested) return [];
        nodes.push(...documentSymbols(piece.document).map((n) => toSymbol(doc, n, piece.base)));
      }
      return ctx.client.hierarchicalSymbols ? nodes : flatten(doc.uri, nodes);
    }),
  );
}

function toSymbol(doc: TextDocument, n: SymbolNode, base: number): DocumentSymbol {
  const range = toRange(doc, n.span, base);
  const selection = toRange(doc, n.selectionSpan, base);
  return {
    name: n.name || ' ',
    detail: n.detail,
    kind: KINDS[n.kind],
    range,
    // the selection must lie inside the range
    selectionRange: inside(selection, range) ? selection : { start: range.start, end: range.start },
    children: n.children.map((c) => toSymbol(doc, c, base)),
  };
}

function inside(a: DocumentSymbol['range'], b: DocumentSymbol['range']): boolean {
  const le = (x: typeof a.start, y: typeof a.start) =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(b.start, a.start) && le(a.end, b.end);
}

function flatten(uri: string, nodes: DocumentSymbol[], container?: string): SymbolInformation[] {
  return nodes.flatMap((n) => [
    {
      name: n.name,
      kind: n.kind,
      location: { uri, range: n.range },
      ...(container ? { containerName: container } : {}),
    },
    ...flatten(uri, n.children ?? [], n.name),
  ]);
}

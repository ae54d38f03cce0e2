import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { foldingSpans } from '../features/folding';
import type { ServerContext } from './context';
import { guard } from './safe';

/** textDocument/foldingRange: connectors and blocks (the closing brace stays visible), comment runs. */
export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    guard(ctx.connection, 'foldingRange', [] as FoldingRange[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const text = doc.getText();
      const out: FoldingRange[] = [];
      for (const piece of ctx.store.analysis(doc).pieces()) {
        for (const f of foldingSpans(piece.document)) {
          const start = doc.positionAt(piece.base + f.span.start).line;
          const endOffset = piece.base + f.span.end;
          let end = doc.positionAt(endOffset).line;
          if (f.kind === 'region' && text[endOffset - 1] === '}') end -= 1;
          if (end > start)
            out.push({
              startLine: start,
              endLine: end,
              ...(f.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
            });
        }
      }
      return out;
    }),
  );
}

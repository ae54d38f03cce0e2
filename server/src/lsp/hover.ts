import type { Hover } from 'vscode-languageserver/node';
import { hover } from '../features/hover/hover';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './safe';

/** textDocument/hover over the piece at the cursor. */
export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    guard(ctx.connection, 'hover', null as Hover | null, (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const offset = doc.offsetAt(params.position);
      const piece = ctx.store.analysis(doc).pieceAt(offset);
      const found = hover(piece.document, offset - piece.base);
      if (!found) return null;
      const contents = ctx.client.markdown ? { kind: 'markdown' as const, value: found.markdown } : found.markdown;
      return { contents, range: toRange(doc, found.span, piece.base) };
    }),
  );
}

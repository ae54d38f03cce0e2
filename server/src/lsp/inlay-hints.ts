import type { InlayHint } from 'vscode-languageserver/node';
import { inlayHints } from '../features/inlay-hints';
import type { ServerContext } from './context';
import { guard } from './safe';

/** textDocument/inlayHint: the meaning of each schedule, after its cron string. */
export function registerInlayHints(ctx: ServerContext): void {
  ctx.connection.languages.inlayHint.on(
    guard(ctx.connection, 'inlayHint', [] as InlayHint[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const start = doc.offsetAt(params.range.start);
      const end = doc.offsetAt(params.range.end);
      const out: InlayHint[] = [];
      for (const p of ctx.store.analysis(doc).pieces()) {
        for (const h of inlayHints(p.document, { start: start - p.base, end: end - p.base })) {
          out.push({
            position: doc.positionAt(p.base + h.offset),
            label: h.label,
            paddingLeft: true,
            tooltip: h.tooltip,
          });
        }
      }
      return out;
    }),
  );
}

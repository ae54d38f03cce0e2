import type { CodeLens } from 'vscode-languageserver/node';
import { codeLenses } from '../features/code-lens';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './safe';

/** textDocument/codeLens: run/preview above connectors, sync/preview above pinned users (the client runs them). */
export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(
    guard(ctx.connection, 'codeLens', [] as CodeLens[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return ctx.store
        .analysis(doc)
        .pieces()
        .flatMap((p) =>
          codeLenses(p.document, doc.uri).map((l) => ({
            range: toRange(doc, l.span, p.base),
            command: { title: l.title, command: l.command, arguments: l.args },
          })),
        );
    }),
  );
}

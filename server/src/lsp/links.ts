import type { DocumentLink } from 'vscode-languageserver/node';
import { documentLinks } from '../features/links';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './safe';

/** textDocument/documentLink: the URL settings. */
export function registerLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(
    guard(ctx.connection, 'documentLink', [] as DocumentLink[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return ctx.store
        .analysis(doc)
        .pieces()
        .flatMap((p) =>
          documentLinks(p.document).map((l) => ({ range: toRange(doc, l.span, p.base), target: l.target })),
        );
    }),
  );
}

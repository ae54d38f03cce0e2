import type { TextEdit } from 'vscode-languageserver/node';
import { formattingEdits } from '../features/formatting';
import type { ServerContext } from './context';
import { toLspEdit } from './convert';
import { guard } from './safe';

/** textDocument/formatting: the whole document in canonical form; no edit while it has syntax errors. */
export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentFormatting(
    guard(ctx.connection, 'formatting', [] as TextEdit[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const syntaxErrors = ctx.store
        .analysis(doc)
        .pieces()
        .some((p) => p.parseErrors.length > 0);
      return formattingEdits(doc.getText(), doc.uri, syntaxErrors).map((e) => toLspEdit(doc, e));
    }),
  );
}

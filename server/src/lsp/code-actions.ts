import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { codeActions } from '../features/code-actions';
import type { ServerContext } from './context';
import { toLspDiagnostic, toLspEdit, toSpan } from './convert';
import { guard } from './safe';

/** textDocument/codeAction: the findings' fixes as quick fixes, and "add missing required settings". */
export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    guard(ctx.connection, 'codeAction', [] as CodeAction[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const analysis = ctx.store.analysis(doc);
      const found = analysis.diagnostics(ctx.store.checker(doc), ctx.live.generation);
      const range = toSpan(doc, params.range);
      const only = params.context.only;
      const actions = codeActions(found, range, analysis.pieceAt(range.start));
      return actions
        .filter(
          (a) =>
            !only ||
            only.some((k) => (a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Source).startsWith(k)),
        )
        .map((a) => {
          const action: CodeAction = {
            title: a.title,
            kind: a.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.Source,
            edit: { changes: { [doc.uri]: a.edits.map((e) => toLspEdit(doc, e)) } },
          };
          if (a.preferred) action.isPreferred = true;
          if (a.diagnostic)
            action.diagnostics = [toLspDiagnostic(doc, doc.uri, a.diagnostic, ctx.client.relatedInformation)];
          return action;
        });
    }),
  );
}

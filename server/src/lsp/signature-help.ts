import type { SignatureHelp } from 'vscode-languageserver/node';
import { signatureHelp } from '../features/signature-help';
import type { ServerContext } from './context';
import { guard } from './safe';

export const SIGNATURE_TRIGGERS = ['(', ','];

/** textDocument/signatureHelp: the innermost open call at the cursor, active parameter from the commas. */
export function registerSignatureHelp(ctx: ServerContext): void {
  ctx.connection.onSignatureHelp(
    guard(ctx.connection, 'signatureHelp', null as SignatureHelp | null, (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const offset = doc.offsetAt(params.position);
      const piece = ctx.store.analysis(doc).editingPieceAt(offset);
      const info = signatureHelp(piece.document, offset - piece.base);
      if (!info) return null;
      const md = (value: string) => (ctx.client.markdown ? { kind: 'markdown' as const, value } : value);
      return {
        signatures: [
          {
            label: info.label,
            documentation: md(info.documentation),
            parameters: info.parameters.map((p) => ({ label: p.label, documentation: md(p.documentation) })),
          },
        ],
        activeSignature: 0,
        activeParameter: info.activeParameter,
      };
    }),
  );
}

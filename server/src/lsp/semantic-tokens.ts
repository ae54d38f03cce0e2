import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Piece } from '../features/analysis/document-analysis';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../features/semantic-tokens';
import type { ServerContext } from './context';
import { guard } from './safe';

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** textDocument/semanticTokens/full and /range, encoded as LSP's relative integer stream. */
export function registerSemanticTokens(ctx: ServerContext): void {
  const empty: SemanticTokens = { data: [] };
  ctx.connection.languages.semanticTokens.on(
    guard(ctx.connection, 'semanticTokens', empty, (params, token) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return empty;
      return encode(doc, ctx.store.analysis(doc).pieces(), () => token.isCancellationRequested);
    }),
  );
  ctx.connection.languages.semanticTokens.onRange(
    guard(ctx.connection, 'semanticTokens/range', empty, (params, token) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return empty;
      const start = doc.offsetAt(params.range.start);
      const end = doc.offsetAt(params.range.end);
      const pieces = ctx.store
        .analysis(doc)
        .pieces()
        .filter((p, i, all) => p.base <= end && (all[i + 1]?.base ?? Infinity) >= start);
      return encode(doc, pieces, () => token.isCancellationRequested);
    }),
  );
}

function encode(doc: TextDocument, pieces: readonly Piece[], cancelled: () => boolean): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const piece of pieces) {
    if (cancelled()) return { data: [] };
    for (const t of semanticTokens(piece.document)) {
      const start = doc.positionAt(piece.base + t.span.start);
      const end = doc.positionAt(piece.base + t.span.end);
      // LSP tokens stay on one line: a token that crosses a line break is cut at the line's end
      const length =
        end.line === start.line ? end.character - start.character : lineLength(doc, start.line) - start.character;
      if (length <= 0) continue;
      const deltaLine = start.line - prevLine;
      data.push(
        deltaLine,
        deltaLine === 0 ? start.character - prevChar : start.character,
        length,
        TOKEN_TYPES.indexOf(t.type),
        modifierBits(t.modifiers),
      );
      prevLine = start.line;
      prevChar = start.character;
    }
  }
  return { data };
}

function lineLength(doc: TextDocument, line: number): number {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$/, '').length;
}

function modifierBits(mods: readonly string[] | undefined): number {
  let bits = 0;
  for (const m of mods ?? []) {
    const i = (TOKEN_MODIFIERS as readonly string[]).indexOf(m);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}

import type { Diagnostic as LspDiagnostic, Range } from 'vscode-languageserver/node';
import type { Diagnostic } from '../check/diagnostic';
import type { Chunk, Checker } from '../features/analysis/chunk';
import type { DocumentAnalysis } from '../features/analysis/document-analysis';
import { toLspDiagnostic, type PositionMap } from './convert';

interface Converted {
  /** The chunk's findings these were converted from (a new array when the chunk is checked again). */
  from: Diagnostic[];
  /** Where the chunk started, as a position: the same position and text give the same ranges. */
  line: number;
  character: number;
  related: boolean;
  items: LspDiagnostic[];
}

/**
 * A document's findings as LSP diagnostics, converted chunk by chunk and kept: after an edit only the
 * chunks that changed, or moved to another line, are converted again. Typing in one connector of a
 * 12,000-line file then converts that connector's findings, not all of them, and leaves far less
 * garbage per keystroke. The LSP objects are shared between publishes and never changed.
 */
export class ConvertedDiagnostics {
  private readonly byChunk = new WeakMap<Chunk, Converted>();

  convert(
    doc: PositionMap & { uri: string },
    analysis: DocumentAnalysis,
    checker: Checker,
    generation: number,
    related: boolean,
  ): LspDiagnostic[] {
    const out: LspDiagnostic[] = [];
    for (const { chunk, base, diagnostics } of analysis.ownFindings(checker, generation)) {
      if (diagnostics.length === 0) continue;
      const { line, character } = doc.positionAt(base);
      let c = this.byChunk.get(chunk);
      if (!c || c.from !== diagnostics || c.line !== line || c.character !== character || c.related !== related) {
        const items = diagnostics.map((d) => toLspDiagnostic(doc, doc.uri, d, related, base));
        c = { from: diagnostics, line, character, related, items };
        this.byChunk.set(chunk, c);
      }
      for (const item of c.items) out.push(item);
    }
    const across = analysis.acrossFindings();
    if (across.length === 0) return out;
    for (const d of across) out.push(toLspDiagnostic(doc, doc.uri, d, related));
    return out.sort((a, b) => compare(a.range, b.range));
  }
}

function compare(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Diagnostic, Severity, TextEdit } from '../check/diagnostic';
import type { Span } from '../text/span';

/**
 * Offsets ↔ positions. The language core counts UTF-16 offsets; LSP counts lines and UTF-16 characters.
 * A PositionMap is the live document (TextDocument keeps its line table up to date on each edit).
 */
export interface PositionMap {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  getText(): string;
}

/** A span (plus `base`, the offset its piece starts at) as an LSP range; out-of-range offsets are clamped. */
export function toRange(doc: PositionMap, span: Span, base = 0): Range {
  const text = doc.getText();
  const start = clamp(span.start + base, text);
  const end = Math.max(start, clamp(span.end + base, text));
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function toSpan(doc: PositionMap, range: Range): Span {
  const start = doc.offsetAt(range.start);
  return { start, end: Math.max(start, doc.offsetAt(range.end)) };
}

/** Inside the text, and never between the \r and \n of a line break (that is past the line's end). */
function clamp(offset: number, text: string): number {
  const o = Number.isFinite(offset) ? Math.max(0, Math.min(offset, text.length)) : 0;
  return o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `base`: the offset the diagnostic's spans are relative to (a chunk's start). */
export function toLspDiagnostic(
  doc: PositionMap,
  uri: string,
  d: Diagnostic,
  relatedInformation: boolean,
  base = 0,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(doc, d.span, base),
    severity: SEVERITIES[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: 'usersync',
    message: d.message,
  };
  if (d.tags?.length)
    out.tags = d.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (relatedInformation && d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({
      location: { uri, range: toRange(doc, r.span, base) },
      message: r.message,
    }));
  }
  return out;
}

export function toLspEdit(doc: PositionMap, e: TextEdit, base = 0): LspTextEdit {
  return { range: toRange(doc, e.span, base), newText: e.newText };
}

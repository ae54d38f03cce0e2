import type { Severity } from '../../check/diagnostic';
import type { ParseError } from '../../model/model';
import { LineIndex, type Span } from '../../text/span';

/** A finding placed in a file with 1-based lines and columns, as CLI output and CI annotations want it. */
export interface FileDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface SpannedFinding {
  span: Span;
  severity: Severity;
  code: string;
  message: string;
}

/** Offsets → 1-based line/column (UTF-16 columns, as editors count), sorted by position. */
export function locate(file: string, text: string, findings: readonly SpannedFinding[]): FileDiagnostic[] {
  const index = new LineIndex(text);
  return [...findings]
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .map((f) => {
      const start = index.position(f.span.start);
      const end = index.position(f.span.end);
      return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      };
    });
}

export function parseErrorFindings(errors: readonly ParseError[]): SpannedFinding[] {
  return errors.map((e) => ({ span: e.span, severity: 'error', code: e.code, message: e.message }));
}

import type { FileDiagnostic } from './diagnostics-locate';

/** The `--format json` output: one array of every finding, 1-based positions, stable key order. */
export function diagnosticsJson(diagnostics: readonly FileDiagnostic[]): string {
  const rows = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

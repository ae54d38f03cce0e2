import type { FileDiagnostic } from './diagnostics-locate';

/** `file:line:col severity code message`, one finding per line (editors and CI logs link these). */
export function humanLine(d: FileDiagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning in 3 files" / "no problems in 1 file". */
export function summaryLine(diagnostics: readonly FileDiagnostic[], files: number): string {
  const count = (s: FileDiagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('information') + count('hint'), 'note'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, w]) => plural(n as number, w as string));
  return `${parts.length > 0 ? parts.join(', ') : 'no problems'} in ${plural(files, 'file')}`;
}

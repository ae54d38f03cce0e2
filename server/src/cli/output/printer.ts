/**
 * Every byte the sync commands print goes through a Printer, which runs the redactor first. Commands
 * never call console.* or process.stdout directly, so no path to the terminal skips redaction.
 */

export interface Printer {
  out(text: string): void;
  err(text: string): void;
  readonly redact: (text: string) => string;
}

export function printer(redact: (text: string) => string): Printer {
  return {
    redact,
    out: (text) => void process.stdout.write(redact(text.endsWith('\n') ? text : `${text}\n`)),
    err: (text) => void process.stderr.write(redact(text.endsWith('\n') ? text : `${text}\n`)),
  };
}

/** A value for a table cell: `(none)` for null, newlines shown as ⏎, cut to `max` characters with an ellipsis. */
export function cell(value: string | null, max = 40): string {
  if (value === null) return '(none)';
  const flat = value.replace(/\r?\n/g, '⏎');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Left-aligned columns separated by two spaces. */
export function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

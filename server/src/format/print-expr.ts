import type { DocumentForm, Expr, PathSegment } from '../model/model';
import { yamlScalar } from '../yaml/yaml-scalar';

/** A word the `.usersync` lexer reads as one name (keywords included: they are names where a name is expected). */
export function isIdentifier(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** A `.usersync` string literal: `"` and `\` are escaped, and so are newline, carriage return and tab. */
export function quoteString(value: string): string {
  const body = value.replace(
    /[\\"\n\r\t]/g,
    (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c,
  );
  return `"${body}"`;
}

/**
 * An expression as source text. In the `usersync` form this is the expression itself; in the `yaml`
 * form it is the YAML scalar that holds the expression (plain when YAML reads it back unchanged,
 * quoted otherwise), ready to stand after `key: `. A `missing` expression prints as nothing.
 */
export function printExpr(expr: Expr, form: DocumentForm = 'usersync'): string {
  const source = printSource(expr);
  return form === 'yaml' ? yamlScalar(source, 'value') : source;
}

function printSource(expr: Expr): string {
  switch (expr.kind) {
    case 'string':
      return quoteString(expr.value);
    case 'call':
      return `${expr.name}(${expr.args.map(printSource).join(', ')})`;
    case 'path':
      return expr.segments.map(printSegment).join('.');
    case 'missing':
      return '';
  }
}

function printSegment(segment: PathSegment): string {
  const access = segment.access;
  if (!access) return segment.name;
  if (access.kind === 'index') return `${segment.name}[${digits(access.index)}]`;
  const value = isIdentifier(access.value) || /^[0-9]+$/.test(access.value) ? access.value : quoteString(access.value);
  return `${segment.name}[${access.key}=${value}]`;
}

/** An index as the digits it was written with (`1e21` would not read back as an index). */
function digits(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}

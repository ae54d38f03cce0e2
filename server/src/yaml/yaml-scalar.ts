import { isMap, isScalar, parse, parseDocument } from 'yaml';

/**
 * Where a scalar stands: a block mapping key, a block value (`key: <here>`) or a value inside a
 * flow mapping (`{ env: <here> }`, where `,` `[` `]` `{` `}` end a plain scalar).
 */
export type ScalarContext = 'key' | 'value' | 'flow';

// Characters YAML does not allow raw in any scalar; they need a double-quoted escape.
const NOT_PRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udfff]/u;

/**
 * A string as a YAML scalar that reads back as exactly that string under the core schema:
 * plain when it is safe (so `true`, `1.5` or `null` get quotes), single-quoted when it fits on one
 * printable line, double-quoted with escapes otherwise.
 */
export function yamlScalar(value: string, context: ScalarContext): string {
  if (isPlainSafe(value, context)) return value;
  if (!NOT_PRINTABLE.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

// Plain text that is a string in every YAML context: a word start, no indicator, not null or a boolean.
const SURELY_PLAIN = /^[A-Za-z_][A-Za-z0-9_ .\/@()"'=+-]*$/;
const CORE_WORDS = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

function isPlainSafe(value: string, context: ScalarContext): boolean {
  if (SURELY_PLAIN.test(value) && !value.endsWith(' ') && !CORE_WORDS.test(value)) return true;
  if (!/^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n\r\t]*$/.test(value)) return false;
  if (/\s$|: |:$| #/.test(value) || NOT_PRINTABLE.test(value)) return false;
  if (context === 'flow' && /[,[\]{}]/.test(value)) return false;
  return readsBack(value, context);
}

/** The final word: does the `yaml` package read the plain text back as the same string? */
function readsBack(value: string, context: ScalarContext): boolean {
  try {
    if (context === 'key') {
      const doc = parseDocument(`${value}: x`);
      const pair = isMap(doc.contents) && doc.contents.items.length === 1 ? doc.contents.items[0] : undefined;
      return doc.errors.length === 0 && isScalar(pair?.key) && pair.key.value === value;
    }
    const text = context === 'flow' ? `{ k: ${value} }` : `k: ${value}`;
    const obj = parse(text) as { k?: unknown } | null;
    return obj?.k === value;
  } catch {
    return false;
  }
}

/** A string in double quotes when it needs no escape (a cron reads better that way), else as yamlScalar writes it. */
export function yamlQuoted(value: string): string {
  const json = JSON.stringify(value);
  return json === `"${value}"` ? json : yamlScalar(value, 'value');
}

import { quoteString } from '../format/print-expr';
import type { DocumentForm } from '../model/model';
import type { ValueReference } from '../model/functions/references';
import type { Span } from '../text/span';
import type { Fix, TextEdit } from './diagnostic';

/** Building blocks for quick fixes. Fixes are written in the document's own form. */

export function replaceFix(title: string, span: Span, newText: string, preferred?: boolean): Fix {
  const fix: Fix = { title, edits: [{ span, newText }] };
  if (preferred) fix.preferred = true;
  return fix;
}

/** "Change to 'x'" for each suggestion; the only one is preferred. */
export function changeToFixes(
  span: Span,
  suggestions: readonly string[],
  render: (s: string) => string = (s) => s,
): Fix[] {
  return suggestions.map((s) => replaceFix(`Change to '${s}'`, span, render(s), suggestions.length === 1));
}

/** A reference as the form writes it: `env("NAME")` or `{ env: NAME }`. */
export function referenceText(form: DocumentForm, ref: ValueReference, arg: string): string {
  if (form === 'yaml') return `{ ${ref}: ${yamlPlain(arg) ? arg : JSON.stringify(arg)} }`;
  return `${ref}(${JSON.stringify(arg)})`;
}

function yamlPlain(s: string): boolean {
  return /^[A-Za-z0-9_./-][A-Za-z0-9_./ -]*$/.test(s) && !s.endsWith(' ');
}

/** A `.usersync` value text (`"x"`, `env("X")`, a bare word) in the document's form. */
export function valueText(form: DocumentForm, usersyncText: string): string {
  if (form === 'usersync') return usersyncText;
  const ref = /^(env|secret|file)\("((?:[^"\\]|\\.)*)"\)$/.exec(usersyncText);
  if (ref) return referenceText(form, ref[1] as ValueReference, JSON.parse(`"${ref[2]}"`) as string);
  return usersyncText;
}

/** A string literal as the lexer reads it (the escapes \" \\ \n \t \r). */
export function quoted(value: string): string {
  return quoteString(value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The whitespace a line starts with. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

/** Deletes an item; when it stands alone on its line(s), the whole line goes. */
export function removeEdit(text: string, span: Span): TextEdit {
  const start = lineStart(text, span.start);
  const end = lineEnd(text, span.end);
  const before = text.slice(start, span.start);
  const after = text.slice(span.end, end);
  if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?$/.test(after)) {
    const next = text.indexOf('\n', span.end);
    return { span: { start, end: next < 0 ? text.length : next + 1 }, newText: '' };
  }
  let stop = span.end;
  while (stop < end && (text[stop] === ' ' || text[stop] === '\t')) stop++;
  return { span: { start: span.start, end: stop }, newText: '' };
}

/**
 * Inserts items into a `{ … }` of the `.usersync` form: after `after` (the last child) on a new line with its
 * indentation, or between the braces when there is no child. `items` are texts; their own newlines are indented.
 */
export function insertInBraces(
  text: string,
  container: Span,
  children: readonly Span[],
  items: readonly string[],
): TextEdit | undefined {
  const open = text.indexOf('{', container.start);
  const close = text[container.end - 1] === '}' ? container.end - 1 : -1;
  if (open < 0 || open >= container.end || close < 0 || items.length === 0) return undefined;
  const ownIndent = indentOf(text, container.start);
  const last = children[children.length - 1];
  if (last) {
    const end = lineEnd(text, last.end);
    if (end > close) {
      // the block closes on the line of its last child: stay on that line
      return {
        span: { start: last.end, end: last.end },
        newText: items.map((i) => `  ${i.replace(/\n\s*/g, ' ')}`).join(''),
      };
    }
    const indent = indentOf(text, last.start);
    return { span: { start: end, end }, newText: items.map((i) => `\n${indent}${reindent(i, indent)}`).join('') };
  }
  const inner = `${ownIndent}  `;
  const body = items.map((i) => `\n${inner}${reindent(i, inner)}`).join('');
  if (text.slice(open + 1, close).trim() === '')
    return { span: { start: open + 1, end: close }, newText: `${body}\n${ownIndent}` };
  return { span: { start: open + 1, end: open + 1 }, newText: body };
}

function reindent(item: string, indent: string): string {
  return item.replace(/\n/g, `\n${indent}`);
}

/**
 * Inserts `key: value` lines after the last of `children` in the YAML form, when it stands on its own
 * line (block style). Flow-style maps get no fix.
 */
export function insertYamlLines(
  text: string,
  children: readonly { keySpan: Span; span: Span }[],
  lines: readonly string[],
): TextEdit | undefined {
  const last = children[children.length - 1];
  if (!last || lines.length === 0) return undefined;
  const start = lineStart(text, last.keySpan.start);
  if (!/^[ \t]*(- )?$/.test(text.slice(start, last.keySpan.start))) return undefined;
  const indent = ' '.repeat(last.keySpan.start - start);
  const end = lineEnd(text, Math.max(last.span.end, last.keySpan.end));
  return { span: { start: end, end }, newText: lines.map((l) => `\n${indent}${l}`).join('') };
}

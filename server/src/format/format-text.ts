import type { TextEdit } from '../check/diagnostic';
import type { ParseError } from '../model/model';
import { parseDocument } from '../parse';
import { printYaml } from '../yaml/print-yaml';
import { formatUsersync } from './format-usersync';

export interface FormatResult {
  /** The formatted text; absent when the document has syntax errors. */
  text?: string;
  errors: ParseError[];
}

/**
 * Formats a whole document in its own form (the uri says which). A document with syntax errors
 * is never reformatted: the errors come back instead. Line endings follow the input's first one.
 */
export function formatText(text: string, uri: string): FormatResult {
  const { document, errors } = parseDocument(text, uri);
  if (errors.length > 0) return { errors };
  const printed = document.form === 'yaml' ? printYaml(document) : formatUsersync(document);
  return {
    text: /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? printed.replace(/\n/g, '\r\n') : printed,
    errors: [],
  };
}

/**
 * The edits that turn `text` into its formatted form, for the language server: one edit over the
 * changed middle (the common head and tail stay untouched), none when it is already formatted.
 */
export function formatEdits(text: string, uri: string): { edits: TextEdit[]; errors: ParseError[] } {
  const { text: formatted, errors } = formatText(text, uri);
  if (formatted === undefined) return { edits: [], errors };
  if (formatted === text) return { edits: [], errors: [] };
  let head = 0;
  const max = Math.min(text.length, formatted.length);
  while (head < max && text.charCodeAt(head) === formatted.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    text.charCodeAt(text.length - 1 - tail) === formatted.charCodeAt(formatted.length - 1 - tail)
  )
    tail++;
  // never split a surrogate pair or a CRLF between kept and replaced text
  if (head > 0 && /[\ud800-\udbff\r]/.test(text[head - 1])) head--;
  if (tail > 0 && /[\udc00-\udfff\n]/.test(text[text.length - tail])) tail--;
  return {
    edits: [
      { span: { start: head, end: text.length - tail }, newText: formatted.slice(head, formatted.length - tail) },
    ],
    errors: [],
  };
}

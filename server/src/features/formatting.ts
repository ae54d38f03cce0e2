import type { TextEdit } from '../check/diagnostic';
import { formatEdits } from '../format/format-text';

/**
 * The edits that format the whole document; none when it has syntax errors (formatting half-parsed
 * text would lose what the parser could not read). `knownSyntaxErrors` skips the parse when the
 * analysis already knows.
 */
export function formattingEdits(text: string, uri: string, knownSyntaxErrors = false): TextEdit[] {
  if (knownSyntaxErrors) return [];
  return formatEdits(text, uri).edits;
}

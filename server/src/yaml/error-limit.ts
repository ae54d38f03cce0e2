import type { Document } from '../model/model';
import { MAX_SYNTAX_ERRORS } from '../syntax/recovery';

/**
 * The YAML form's share of the syntax-error limit of `.usersync` (syntax/recovery.ts). The yaml package
 * reads to the end whatever it meets, so a text of one mistake repeated gives tens of thousands of errors
 * (`[0] ` repeated over 58 KB: 43,456), each a diagnostic the editor must receive and draw on every
 * keystroke. Past the limit the text is treated as `.usersync` treats it: the first MAX_SYNTAX_ERRORS
 * syntax errors are reported, then `too-many-errors` where the next one stands, and nothing from there
 * on is read into the model or checked.
 */

interface YamlSyntaxError {
  pos: [number, number];
}

/** The errors to report, in text order, and where reading stops (undefined: the whole text is read). */
export function limitYamlErrors<E extends YamlSyntaxError>(errors: E[]): { kept: E[]; cut?: number } {
  if (errors.length <= MAX_SYNTAX_ERRORS) return { kept: errors };
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  return { kept: sorted.slice(0, MAX_SYNTAX_ERRORS), cut: sorted[MAX_SYNTAX_ERRORS].pos[0] };
}

export const TOO_MANY_ERRORS = `${MAX_SYNTAX_ERRORS} syntax errors: the text from here on is not read until they are fixed`;

/** Drops from the model every connector, item and setting that starts at or after `cut`. */
export function keepModelBefore(document: Document, cut: number): void {
  document.connectors = document.connectors.filter((c) => c.span.start < cut);
  for (const c of document.connectors) {
    c.items = c.items.filter((item) => item.span.start < cut);
    for (const item of c.items)
      if (item.kind === 'block') item.settings = item.settings.filter((s) => s.span.start < cut);
  }
}

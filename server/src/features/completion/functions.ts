import { FUNCTIONS } from '../../model/functions/registry';
import type { FunctionDef } from '../../model/functions/types';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

/** The expression functions, inserted as snippets with a tab stop per parameter. */
export function functionEntries(ctx: CursorContext): CompletionEntry[] {
  return [...FUNCTIONS.values()].map((f) => ({
    label: f.name,
    kind: 'function',
    detail: f.signature,
    documentation: f.doc,
    insertText: functionSnippet(f),
    snippet: true,
    replace: ctx.replace,
    sortText: `2${f.name}`,
  }));
}

/**
 * `first(${1:value}, ${2:fallback})`: required parameters get a tab stop each; a variadic one gets a
 * second stop when it would otherwise be the only one, since such functions are there to combine values.
 */
export function functionSnippet(f: FunctionDef): string {
  const names = f.params.filter((p) => !p.optional).map((p) => p.name);
  if (f.params.some((p) => p.variadic) && names.length < 2) names.push('fallback');
  return `${f.name}(${names.map((n, i) => `\${${i + 1}:${n}}`).join(', ')})`;
}

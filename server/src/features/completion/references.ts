import type { CursorContext } from './cursor-context';
import type { CompletionEntry, CompletionEnvironment } from './types';

/** Inside env("…") or secret("…"): the names already used in the workspace, most used first. */
export function referenceNameEntries(
  ctx: CursorContext,
  reference: string,
  env: CompletionEnvironment,
): CompletionEntry[] {
  if (reference !== 'env' && reference !== 'secret') return [];
  const names = env.referenceNames?.(reference) ?? [];
  return names.map((name, i) => ({
    label: name,
    kind: 'variable',
    detail: reference === 'env' ? 'environment variable used in the workspace' : 'secret used in the workspace',
    replace: ctx.replace,
    sortText: String(i).padStart(4, '0'),
  }));
}

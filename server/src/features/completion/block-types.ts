import { SOURCE_SPECS, TARGET_SPECS } from '../../model/settings';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

/** After `source ` or `target `: the types usersync knows, with the product they stand for. */
export function blockTypeEntries(ctx: CursorContext, role: 'source' | 'target'): CompletionEntry[] {
  const specs = Object.values(role === 'source' ? SOURCE_SPECS : TARGET_SPECS);
  return specs.map((spec) => ({
    label: spec.type,
    kind: 'type',
    detail: spec.title,
    documentation: spec.doc,
    replace: ctx.replace,
  }));
}

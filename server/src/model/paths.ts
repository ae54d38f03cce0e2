import type { PathExpr, SourceType } from './model';
import { SOURCE_TYPES } from './model';
import { walk } from './path-resolution';
import type { PathResolution } from './path-types';

/**
 * Attribute path resolution against an IdP's catalog. The result says what a path means and what is
 * odd about it; the checks turn that into diagnostics, hover and completion read it too.
 * Never throws: half-parsed paths ('' names) resolve to `unknown` with `incomplete: true`.
 */

export type { CustomPath, FoundPath, PathFlags, PathResolution, UnknownPath } from './path-types';
export { EXPANDED_NAVIGATIONS } from './path-resolution';
export { completePath } from './path-complete';
export { pathText } from './path-text';

export function resolvePath(path: PathExpr, idp: SourceType): PathResolution {
  const result = walk(path.segments, idp, path.span);
  if (result.kind === 'unknown' && !result.incomplete) {
    result.otherIdps = SOURCE_TYPES.filter((t) => t !== idp && walk(path.segments, t, path.span).kind !== 'unknown');
  }
  return result;
}

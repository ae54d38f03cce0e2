import type { Span } from '../text/span';
import { getCatalog, parentPath, type AttributeInfo, type Catalog } from './catalogs/catalog';
import type { PathSegment, SelectorAccess, SourceType } from './model';
import { matchCustom, nearMissPattern } from './path-custom';
import { memo } from './memo';
import { suggestNames } from './path-suggest';
import type { PathFlags, PathResolution, UnknownPath } from './path-types';

/** The walk over an IdP's catalog behind resolvePath and completePath (public entry: paths.ts). */

/**
 * Graph navigation properties the engine reads with `$expand` and whose target is a user, so that
 * `manager.<x>` resolves `<x>` among the user's own attributes (api-facts.md §1 "Manager").
 */
export const EXPANDED_NAVIGATIONS: readonly string[] = ['manager'];

/** Where lookups happen: the user's top level, or a navigation target (`manager.` → the user's attributes). */
interface Scope {
  via?: AttributeInfo;
  /** Index of the first segment inside the scope. */
  start: number;
}

/** Resolution without `otherIdps` (paths.ts adds them); shared with completion. */
export function walk(segments: readonly PathSegment[], idp: SourceType, whole: Span): PathResolution {
  const catalog = getCatalog(idp);
  const flags: PathFlags = {};
  if (segments.length === 0) return unknown({ name: '', span: whole }, 0, true);
  let scope: Scope = { start: 0 };
  let prefix = '';
  let attr: AttributeInfo | undefined;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (!seg.name) return unknown(seg, i, true, attr);
    const found = catalog.child(prefix, seg.name);
    if (!found) return notInCatalog(catalog, segments, i, scope, prefix, flags, attr);
    attr = found;
    if (found.listSupported === false) flags.listNotSupported = true;
    if (found.returnedByDefault === false && !scope.via) flags.notReturnedByDefault = true;
    checkAccess(catalog, found, seg, flags);
    if (found.navigation) {
      if (idp === 'azure' && !scope.via && EXPANDED_NAVIGATIONS.includes(found.path)) {
        flags.needsExpand = true;
        if (i < segments.length - 1) {
          scope = { via: found, start: i + 1 };
          prefix = '';
          continue;
        }
      } else {
        flags.unsupportedNavigation ??= seg.span;
      }
    }
    prefix = found.isCollection ? `${found.path}[]` : found.path;
  }
  const last = attr as AttributeInfo;
  if (last.type === 'object') flags.objectValue = true;
  const attribute = scope.via ? { ...last, path: `${scope.via.path}.${last.path}` } : last;
  return { kind: 'found', path: attribute.path, attribute, via: scope.via, flags };
}

function checkAccess(catalog: Catalog, attr: AttributeInfo, seg: PathSegment, flags: PathFlags): void {
  if (!seg.access) {
    if (attr.isCollection) flags.multiValuedWithoutIndex ??= seg.span;
    return;
  }
  if (!attr.isCollection) {
    flags.indexOnSingleValued ??= seg.access.span;
    return;
  }
  if (seg.access.kind === 'selector') checkSelector(catalog, attr, seg.access, flags);
}

function checkSelector(catalog: Catalog, attr: AttributeInfo, access: SelectorAccess, flags: PathFlags): void {
  const validKeys = attr.selectorKeys ?? [];
  if (!validKeys.includes(access.key)) {
    if (!flags.unknownSelectorKey) {
      const suggestions = suggestNames(access.key, validKeys);
      flags.unknownSelectorKey = { span: access.span, key: access.key, validKeys, suggestions };
    }
    return;
  }
  const field = catalog.get(`${attr.path}[].${access.key}`);
  if (field?.type === 'boolean' && access.value !== 'true' && access.value !== 'false') {
    flags.selectorValueNotBoolean ??= { span: access.span, key: access.key };
  }
}

function notInCatalog(
  catalog: Catalog,
  segments: readonly PathSegment[],
  i: number,
  scope: Scope,
  prefix: string,
  flags: PathFlags,
  parent: AttributeInfo | undefined,
): PathResolution {
  const seg = segments[i];
  const inScope = segments.slice(scope.start);
  const names = inScope.map((s) => s.name);
  const key = `${catalog.idp}|${prefix}|${seg.name}`;
  const suggestions = () =>
    memo(siblingMemo, key, () =>
      suggestNames(
        seg.name,
        siblingsOf(catalog, prefix).map((a) => a.name),
      ),
    ).slice();
  const pattern = matchCustom(catalog.customPatterns, names, i - scope.start);
  if (pattern) {
    if (pattern.returnedByDefault === false && !scope.via) flags.notReturnedByDefault = true;
    const base = scope.via ? `${scope.via.path}.` : '';
    return {
      kind: 'custom',
      path: base + inScope.map((s) => (s.access ? `${s.name}[]` : s.name)).join('.'),
      pattern,
      reason: `a custom attribute of the form ${pattern.pattern}`,
      segmentIndex: i,
      span: seg.span,
      suggestions: suggestions(),
      flags,
    };
  }
  const result = unknown(seg, i, false, parent);
  result.suggestions = suggestions();
  const base = scope.via ? `${scope.via.path}.` : '';
  result.elsewhere = memo(elsewhereMemo, key, () => elsewhere(catalog, seg.name, prefix)).map((p) => base + p);
  result.hint = hintFor(catalog, names, i - scope.start, parent);
  return result;
}

/**
 * Did-you-mean answers per catalog, level and name. A misspelt name is often misspelt the same way in
 * every mapping, and each mapping's path is resolved by more than one check.
 */
const siblingMemo = new Map<string, string[]>();
const elsewhereMemo = new Map<string, string[]>();

/** Paths at other levels whose name is this one or close to it: exact (any case) matches first, max 3. */
function elsewhere(catalog: Catalog, name: string, prefix: string): string[] {
  const candidates = catalog.attributes.filter((a) => parentPath(a.path) !== prefix && !a.navigation);
  const wanted = name.toLowerCase();
  const exact = candidates.filter((a) => a.name.toLowerCase() === wanted);
  const close = new Set(
    suggestNames(
      name,
      candidates.map((a) => a.name),
    ),
  );
  const near = candidates.filter((a) => close.has(a.name) && a.name.toLowerCase() !== wanted);
  return [...exact, ...near].slice(0, 3).map((a) => a.path);
}

function hintFor(
  catalog: Catalog,
  names: readonly string[],
  failing: number,
  parent: AttributeInfo | undefined,
): string | undefined {
  const near = nearMissPattern(catalog.customPatterns, names, failing);
  if (near) return `custom names of this kind have the form ${near.pattern}`;
  if (parent?.navigation)
    return `${parent.path} is a navigation property; usersync reads ${EXPANDED_NAVIGATIONS.join(', ')} only`;
  if (parent && parent.type !== 'object') return `${parent.path} is a ${parent.type} value and has no fields`;
  return undefined;
}

/** The names a segment may take at `prefix` ('' = top level, `phones[]` = element fields). */
function siblingsOf(catalog: Catalog, prefix: string): AttributeInfo[] {
  if (!prefix) return catalog.children('');
  return catalog.attributes.filter((a) => parentPath(a.path) === prefix);
}

function unknown(
  seg: Pick<PathSegment, 'name' | 'span'>,
  i: number,
  incomplete: boolean,
  parent?: AttributeInfo,
): UnknownPath {
  return {
    kind: 'unknown',
    segmentIndex: i,
    span: seg.span,
    name: seg.name,
    incomplete,
    suggestions: [],
    elsewhere: [],
    otherIdps: [],
    parent,
  };
}

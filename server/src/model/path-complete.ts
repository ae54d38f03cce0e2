import type { AttributeInfo } from './catalogs/catalog';
import { getCatalog } from './catalogs/catalog';
import type { PathSegment, SourceType } from './model';
import { EXPANDED_NAVIGATIONS, walk } from './path-resolution';

/**
 * Segment-by-segment completion: the attributes that may follow `prefixSegments` (the segments
 * already typed before the dot). After `manager.` the manager's (a user's) attributes, after
 * `onPremisesExtensionAttributes.` extensionAttribute1..15, after `phones[type=work].` a phone's fields.
 * Navigations usersync does not read are left out. Custom names cannot be listed: see `customPatterns`.
 */
export function completePath(prefixSegments: readonly (PathSegment | string)[], idp: SourceType): AttributeInfo[] {
  const catalog = getCatalog(idp);
  const segments = prefixSegments.map((s) => (typeof s === 'string' ? { name: s, span: { start: 0, end: 0 } } : s));
  const readable = (a: AttributeInfo) => !a.navigation || EXPANDED_NAVIGATIONS.includes(a.path);
  if (segments.length === 0) return catalog.children('').filter(readable);
  const resolved = walk(segments, idp, { start: 0, end: 0 });
  if (resolved.kind !== 'found') return [];
  const { attribute, via } = resolved;
  if (attribute.navigation && EXPANDED_NAVIGATIONS.includes(attribute.path) && !via) {
    return catalog
      .children('')
      .filter((a) => !a.navigation)
      .map((a) => ({ ...a, path: `${attribute.path}.${a.path}` }));
  }
  if (via) {
    const inner = attribute.path.slice(via.path.length + 1);
    return catalog.children(inner).map((a) => ({ ...a, path: `${via.path}.${a.path}` }));
  }
  return catalog.children(attribute.path);
}

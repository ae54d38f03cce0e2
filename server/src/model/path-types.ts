import type { Span } from '../text/span';
import type { AttributeInfo, CustomPattern } from './catalogs/catalog';
import type { SourceType } from './model';

/** What path resolution answers (public entry: paths.ts). */

export interface PathFlags {
  /** A collection read without `[n]` or a selector: the first value is used. The segment's name span. */
  multiValuedWithoutIndex?: Span;
  /** `[n]` or `[key=value]` on a single-valued attribute. The access span. */
  indexOnSingleValued?: Span;
  /** `[key=value]` whose key is not a field of the element (or the elements are plain values). */
  unknownSelectorKey?: { span: Span; key: string; validKeys: string[]; suggestions: string[] };
  /** `[primary=yes]`: the key is a boolean field, so the value can only be `true` or `false`. */
  selectorValueNotBoolean?: { span: Span; key: string };
  /** Graph: $select on GET /users answers 501 for it; the value needs one GET per user. */
  listNotSupported?: boolean;
  /** Graph: through a navigation the reader must `$expand` (manager). */
  needsExpand?: boolean;
  /** Graph: through a navigation usersync does not read (only `EXPANDED_NAVIGATIONS` are). The segment span. */
  unsupportedNavigation?: Span;
  /** The IdP sends it only on request (Graph `$select`, Google `projection=full`). */
  notReturnedByDefault?: boolean;
  /** The path ends at an object (or objects), not at a value. */
  objectValue?: boolean;
}

export interface FoundPath {
  kind: 'found';
  /** Normalized path, e.g. `organizations[].title`, `manager.mail`. */
  path: string;
  /** The attribute; through a navigation its `path` carries the navigation prefix (`manager.mail`). */
  attribute: AttributeInfo;
  /** The navigation the path goes through (Graph `manager`). */
  via?: AttributeInfo;
  flags: PathFlags;
}

export interface CustomPath {
  kind: 'custom';
  /** Normalized path, e.g. `customSchemas.employmentData.projects[].value`. */
  path: string;
  /** The family of names it belongs to, with its description. */
  pattern: CustomPattern;
  /** Why it is accepted, e.g. "a custom attribute of the form profile.{name}". */
  reason: string;
  /** Where the custom part starts. */
  segmentIndex: number;
  span: Span;
  /** Catalog names close to the custom name (`profile.logn` → login): perhaps a typo. */
  suggestions: string[];
  flags: PathFlags;
}

export interface UnknownPath {
  kind: 'unknown';
  /** The first segment that does not resolve, and its name span. */
  segmentIndex: number;
  span: Span;
  name: string;
  /** The segment has no name yet (half-typed path); a syntax error has already been reported. */
  incomplete: boolean;
  /** Names at that level close to the failing one (max 3, closest first): replace the segment with one. */
  suggestions: string[];
  /** Full paths elsewhere in the catalog whose last name is this name (`costCenter` → `employeeOrgData.costCenter`). */
  elsewhere: string[];
  /** The other IdPs where this whole path resolves (`profile.login` → ['okta']). */
  otherIdps: SourceType[];
  /** An extra explanation: the expected form of a custom name, a field on a plain value... */
  hint?: string;
  /** The attribute the failing segment was looked up in. */
  parent?: AttributeInfo;
}

export type PathResolution = FoundPath | CustomPath | UnknownPath;

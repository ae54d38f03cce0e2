import type { SourceType } from '../model';
import { SOURCE_TYPES } from '../model';

/**
 * The attributes each IdP's user object offers, generated from the vendors' specs by
 * scripts/generate-catalogs.ts (never edited by hand). Paths are normalized like the reference:
 * `organizations[].title` means "the title of each element of organizations".
 */

export type AttributeType = 'string' | 'boolean' | 'integer' | 'number' | 'datetime' | 'object';

export interface AttributeInfo {
  /** Normalized path, e.g. `employeeOrgData.costCenter`, `organizations[].title`. */
  path: string;
  /** The last segment's name, e.g. `costCenter`, `title`. */
  name: string;
  type: AttributeType;
  isCollection: boolean;
  /** The vendor's own type name when it differs from `type`, e.g. `Edm.String`. */
  typeName?: string;
  description?: string;
  /** Longest value the IdP accepts, per value for collections. */
  maxLength?: number;
  /** Graph: false when GET /users returns it only on $select. */
  returnedByDefault?: boolean;
  /** Graph: false when $select on the /users collection answers 501 (per-user GET only). */
  listSupported?: boolean;
  /** Graph navigation property: needs $expand (manager) or a separate request. */
  navigation?: boolean;
  enum?: string[];
  readOnly?: boolean;
  /** How elements are addressed, as the reference explains it (Google). */
  arrayAddressing?: string;
  /** Collections of objects: the element fields a `[key=value]` selector may test. */
  selectorKeys?: string[];
  /** An open object: keys beyond the catalog are allowed (Okta profile, Google customSchemas...). */
  open?: boolean;
}

/** A family of names no catalog can list: `extension_{appIdWithoutDashes}_{name}`, `profile.{name}`... */
export interface CustomPattern {
  pattern: string;
  type: string;
  description: string;
  /** false when the IdP sends these only on request (Graph $select, Google projection=full). */
  returnedByDefault?: boolean;
}

export interface Catalog {
  idp: SourceType;
  attributes: readonly AttributeInfo[];
  customPatterns: readonly CustomPattern[];
  /** The attribute at a normalized path; `[0]`/`[type=work]` are accepted and read as `[]`. */
  get(path: string): AttributeInfo | undefined;
  /**
   * The attribute `name` directly under the normalized path `parent` ('' = top level, `organizations[]` =
   * an element's fields): `get(parent + '.' + name)` without building that string, for the path walk.
   */
  child(parent: string, name: string): AttributeInfo | undefined;
  /** Direct children of a path ('' = top level). For a collection of objects, its element's fields. */
  children(prefixPath: string): AttributeInfo[];
}

interface GeneratedFile {
  attributes: Omit<AttributeInfo, 'name'>[];
  customAttributes: CustomPattern[];
}

// `require` with literal paths: the bundler inlines the JSON, and the files stay outside the TypeScript
// project (a JSON `import` would need server/tsconfig.json to include src/**/*.json).
/* eslint-disable @typescript-eslint/no-require-imports */
const GENERATED: Record<SourceType, () => GeneratedFile> = {
  azure: () => require('./generated/azure.json') as GeneratedFile,
  okta: () => require('./generated/okta.json') as GeneratedFile,
  google: () => require('./generated/google.json') as GeneratedFile,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const cache = new Map<SourceType, Catalog>();

export function getCatalog(type: SourceType): Catalog {
  let catalog = cache.get(type);
  if (!catalog) {
    catalog = buildCatalog(type, GENERATED[type]());
    cache.set(type, catalog);
  }
  return catalog;
}

/** The IdPs whose catalog lists this path, e.g. `profile.login` → ['okta']. */
export function whichIdpHas(path: string): SourceType[] {
  return SOURCE_TYPES.filter((t) => getCatalog(t).get(path) !== undefined);
}

/** `organizations[0].title`, `organizations[type=work].title` → `organizations[].title`. */
export function normalizePath(path: string): string {
  return path.includes('[') ? path.replace(/\[[^\]]*\]/g, '[]') : path; // most paths have no index
}

/** `a.b[].c` → `a.b[]`; `a` → ''. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

function buildCatalog(idp: SourceType, file: GeneratedFile): Catalog {
  // frozen: the catalog is shared by every document and request
  const attributes: AttributeInfo[] = file.attributes.map((a) => deepFreeze({ ...a, name: lastName(a.path) }));
  const byPath = new Map(attributes.map((a) => [a.path, a]));
  const byParent = new Map<string, AttributeInfo[]>();
  const byParentAndName = new Map<string, Map<string, AttributeInfo>>();
  for (const a of attributes) {
    const parent = parentPath(a.path);
    const list = byParent.get(parent);
    if (list) list.push(a);
    else byParent.set(parent, [a]);
    let named = byParentAndName.get(parent);
    if (!named) byParentAndName.set(parent, (named = new Map()));
    named.set(a.name, a);
  }
  return {
    idp,
    attributes,
    customPatterns: file.customAttributes.map((p) => deepFreeze({ ...p })),
    get: (path) => byPath.get(normalizePath(path)),
    child: (parent, name) => byParentAndName.get(parent)?.get(name),
    children(prefixPath) {
      const prefix = normalizePath(prefixPath);
      const own = byPath.get(prefix);
      const key = own?.isCollection ? `${prefix}[]` : prefix;
      return [...(byParent.get(key) ?? [])];
    },
  };
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (Array.isArray(v)) Object.freeze(v);
  return Object.freeze(o);
}

function lastName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

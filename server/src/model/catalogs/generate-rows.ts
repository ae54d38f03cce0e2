import type { AttributeInfo } from './catalog';
/**
 * Row normalization for the catalog generator (generate.ts): vendor rows in, catalog rows out.
 * Mechanical only: types mapped to a small set, limits read from description text, flags inherited
 * from parent rows.
 */
export type Idp = 'azure' | 'okta' | 'google';

/** One row of a reference idp/*.json file (only the fields this script reads). */
export interface ReferenceRow {
  path: string;
  type: string;
  isCollection: boolean | null;
  description?: string;
  maxLength?: number;
  returnedByDefault?: boolean;
  listSupported?: boolean;
  navigation?: boolean;
  enum?: string[];
  readOnly?: boolean;
  arrayAddressing?: string;
  format?: string;
  edmKind?: string;
  dynamic?: boolean;
  additionalProperties?: boolean;
  note?: string;
}

/** A row of a generated catalog: an attribute as the runtime reads it, less what it derives (the name). */
export type CatalogRow = Omit<AttributeInfo, 'name' | 'type'> & { type: string };

/** An open part of the profile: names the catalog cannot list (directory extensions, custom schemas...). */
export interface CustomPatternRow {
  pattern: string;
  type: string;
  description: string;
  returnedByDefault?: boolean;
}

export interface CatalogFile {
  idp: Idp;
  generatedBy: string;
  generatedFrom: { file: string; sha256: string }[];
  attributes: CatalogRow[];
  customAttributes: CustomPatternRow[];
}

const ROW_KEYS: (keyof CatalogRow)[] = [
  'path',
  'type',
  'isCollection',
  'typeName',
  'description',
  'maxLength',
  'returnedByDefault',
  'listSupported',
  'navigation',
  'enum',
  'readOnly',
  'arrayAddressing',
  'selectorKeys',
  'open',
];

export function normalizeRow(
  r: ReferenceRow,
  byPath: Map<string, ReferenceRow>,
  all: ReferenceRow[],
  graphDefaults: Set<string> | undefined,
): CatalogRow {
  const ancestors = ancestorRows(r.path, byPath);
  const children = all.filter((c) => parentPath(c.path) === elementPath(r));
  const row: CatalogRow = {
    path: r.path,
    type: normalizeType(r, children.length > 0),
    isCollection: r.isCollection === true,
  };
  if (r.type !== row.type) row.typeName = r.type;
  if (r.description) row.description = r.description;
  const maxLength = r.maxLength ?? maxLengthFromText(r.description) ?? inheritedMaxLength(ancestors);
  if (maxLength !== undefined) row.maxLength = maxLength;
  const returned = returnedByDefault(r, ancestors, graphDefaults);
  if (returned !== undefined) row.returnedByDefault = returned;
  if (r.listSupported === false || ancestors.some((a) => a.listSupported === false)) row.listSupported = false;
  if (r.navigation) row.navigation = true;
  if (r.enum?.length) row.enum = [...r.enum];
  if (r.readOnly) row.readOnly = true;
  if (r.arrayAddressing) row.arrayAddressing = r.arrayAddressing;
  if (row.isCollection && children.length > 0) {
    const scalar = (c: ReferenceRow) => !c.isCollection && normalizeType(c, hasChildren(c, all)) !== 'object';
    row.selectorKeys = children
      .filter(scalar)
      .map((c) => lastName(c.path))
      .sort(compareNames);
  }
  if (isOpen(r, children.length)) row.open = true;
  return orderKeys(row);
}

/**
 * Graph: exactly the top-level properties the default GET /users answer carries (api-facts.md §1: 11 properties;
 * `securityIdentifier`'s "Returned by default" is doc noise). Other IdPs: what the row or an ancestor says.
 */
function returnedByDefault(
  r: ReferenceRow,
  ancestors: ReferenceRow[],
  graphDefaults: Set<string> | undefined,
): boolean | undefined {
  if (graphDefaults) return r.navigation ? undefined : graphDefaults.has((ancestors[0] ?? r).path);
  for (const row of [r, ...[...ancestors].reverse()]) {
    if (row.returnedByDefault !== undefined) return row.returnedByDefault;
    if (ONLY_ON_REQUEST.test(row.note ?? '')) return false;
  }
  return undefined;
}

/** Google: "Only returned with projection=full ..." (customSchemas; api-facts.md §3 users.list). */
const ONLY_ON_REQUEST = /only returned with projection/i;

/** Open objects accept keys no spec lists: Okta `profile` (additionalProperties), Graph open complex types. */
function isOpen(r: ReferenceRow, childCount: number): boolean {
  if (r.additionalProperties === true || (r.dynamic === true && !isPattern(r.path))) return true;
  return childCount === 0 && /open complex type/i.test(`${r.description ?? ''} ${r.note ?? ''}`);
}

const TEXT_LIMITS = [
  /maximum length is ([\d,]+) characters/i,
  /\b(\d[\d,]*) character limit/i,
  /each with a limit of ([\d,]+) characters/i,
  /\blimit: ([\d,]+) characters/i,
];
const PARENT_LIMITS = [/each attribute can store up to ([\d,]+) characters/i];

function maxLengthFromText(text: string | undefined, patterns = TEXT_LIMITS): number | undefined {
  if (!text) return undefined;
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return Number(m[1].replace(/,/g, ''));
  }
  return undefined;
}

function inheritedMaxLength(ancestors: ReferenceRow[]): number | undefined {
  const parent = ancestors[ancestors.length - 1];
  return parent ? maxLengthFromText(parent.description, PARENT_LIMITS) : undefined;
}

function normalizeType(r: ReferenceRow, hasChildren: boolean): string {
  const t = r.type;
  if (r.format === 'date-time' || t === 'Edm.DateTimeOffset') return 'datetime';
  if (t === 'Edm.String' || t === 'Edm.Guid' || t === 'Edm.TimeOfDay' || t === 'Edm.Binary') return 'string';
  if (t === 'Edm.Boolean') return 'boolean';
  if (t === 'Edm.Int32' || t === 'Edm.Int64') return 'integer';
  if (t.startsWith('microsoft.graph.')) return r.edmKind === 'EnumType' || r.enum ? 'string' : 'object';
  if (['string', 'boolean', 'integer', 'number', 'object'].includes(t)) return t;
  return hasChildren ? 'object' : 'string';
}

export function isPattern(p: string): boolean {
  return p.includes('{');
}

/** `extension_{appIdWithoutDashes}_{name}`, `customSchemas.{schemaName}.{fieldName}`, open objects' `{name}`. */
export function customPatterns(rows: ReferenceRow[]): CustomPatternRow[] {
  const out: CustomPatternRow[] = [];
  for (const r of rows) {
    if (isPattern(r.path)) {
      const pattern: CustomPatternRow = { pattern: r.path, type: r.type, description: r.description ?? '' };
      const owner = rows.find((o) => !isPattern(o.path) && r.path.startsWith(`${o.path}.`));
      const returned = r.returnedByDefault ?? owner?.returnedByDefault;
      if (returned !== undefined) pattern.returnedByDefault = returned;
      else if (ONLY_ON_REQUEST.test(owner?.note ?? '')) pattern.returnedByDefault = false;
      out.push(pattern);
      continue;
    }
    const children = rows.filter((c) => parentPath(c.path) === elementPath(r));
    if (!isOpen(r, children.length)) continue;
    const covered = rows.some((p) => isPattern(p.path) && p.path.startsWith(`${r.path}.`));
    if (covered) continue;
    const tail = r.additionalProperties ? '{name}' : '{*}';
    const pattern: CustomPatternRow = {
      pattern: `${r.path}.${tail}`,
      type: 'any',
      description: r.note ?? r.description ?? '',
    };
    if (r.returnedByDefault !== undefined) pattern.returnedByDefault = r.returnedByDefault;
    out.push(pattern);
  }
  return out.sort((a, b) => compareNames(a.pattern, b.pattern));
}

/** `a.b[].c` → `a.b[]`; `a` → ''. */
function parentPath(p: string): string {
  const i = p.lastIndexOf('.');
  return i < 0 ? '' : p.slice(0, i);
}

/** The prefix children of `r` carry: `organizations[]` for a collection, `name` for an object. */
function elementPath(r: ReferenceRow): string {
  return r.isCollection ? `${r.path}[]` : r.path;
}

function hasChildren(r: ReferenceRow, all: ReferenceRow[]): boolean {
  return all.some((c) => parentPath(c.path) === elementPath(r));
}

function lastName(p: string): string {
  return p.slice(p.lastIndexOf('.') + 1).replace(/\[\]$/, '');
}

function ancestorRows(p: string, byPath: Map<string, ReferenceRow>): ReferenceRow[] {
  const out: ReferenceRow[] = [];
  let parent = parentPath(p);
  while (parent) {
    const row = byPath.get(parent.replace(/\[\]$/, ''));
    if (row) out.unshift(row);
    parent = parentPath(parent);
  }
  return out;
}

function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byPathOrder(a: CatalogRow, b: CatalogRow): number {
  return compareNames(a.path, b.path);
}

function orderKeys(row: CatalogRow): CatalogRow {
  const out: Record<string, unknown> = {};
  for (const k of ROW_KEYS) if (row[k] !== undefined) out[k] = row[k];
  return out as unknown as CatalogRow;
}

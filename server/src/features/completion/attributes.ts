import type { AttributeInfo } from '../../model/catalogs/catalog';
import { SOURCE_TYPES, type PathSegment, type SourceType } from '../../model/model';
import { completePath, pathText } from '../../model/paths';
import { attributeMarkdown, attributeType } from '../attribute-doc';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry, CompletionEnvironment } from './types';

/**
 * Attribute paths, one segment at a time: the names that may follow the segments already typed,
 * from the source's catalog (plus custom attributes read live), with type and description.
 */
export function attributeEntries(
  ctx: CursorContext,
  path: PathSegment[],
  env: CompletionEnvironment,
): CompletionEntry[] {
  const idp = sourceTypeOf(ctx);
  if (!idp) return [];
  const found = cachedChildren(idp, path);
  const entries: CompletionEntry[] = found.map((a) => ({
    label: a.name,
    kind: a.type === 'object' ? 'field' : 'attribute',
    detail: attributeType(a),
    documentation: docFor(a, idp),
    replace: ctx.replace,
    sortText: a.returnedByDefault === false || a.listSupported === false ? `1${a.name}` : `0${a.name}`,
    retrigger: a.type === 'object' && !a.isCollection,
  }));
  for (const a of found) if (a.isCollection && a.selectorKeys?.length) entries.push(...selectorVariants(ctx, a));
  entries.push(...customEntries(ctx, path, env));
  return entries;
}

/** Inside `[` after a collection: an index or the selectors the reference recommends. */
export function selectorEntries(ctx: CursorContext, path: PathSegment[]): CompletionEntry[] {
  const idp = sourceTypeOf(ctx);
  if (!idp || path.length === 0) return [];
  const parent = cachedChildren(idp, path.slice(0, -1)).find((a) => a.name === path[path.length - 1].name);
  if (!parent?.isCollection) return [];
  return selectorsOf(parent).map((s, i) => ({
    label: `${s}]`,
    kind: 'value',
    detail: `${parent.name}[${s}]`,
    documentation: parent.arrayAddressing,
    replace: ctx.replace,
    sortText: String(i),
  }));
}

function selectorsOf(a: AttributeInfo): string[] {
  const keys = a.selectorKeys ?? [];
  const out: string[] = [];
  if (keys.includes('primary')) out.push('primary=true');
  if (keys.includes('type')) out.push('type=work', 'type=home');
  out.push('0');
  return out;
}

function selectorVariants(ctx: CursorContext, a: AttributeInfo): CompletionEntry[] {
  return selectorsOf(a)
    .filter((s) => s !== '0')
    .map((s) => ({
      label: `${a.name}[${s}]`,
      kind: 'field',
      detail: `one element of ${a.name}`,
      documentation: a.arrayAddressing,
      insertText: `${a.name}[${s}].`,
      filterText: a.name,
      replace: ctx.replace,
      sortText: `0${a.name}~${s}`,
      retrigger: true,
    }));
}

function customEntries(ctx: CursorContext, path: PathSegment[], env: CompletionEnvironment): CompletionEntry[] {
  const custom = ctx.connector ? (env.customAttributes?.(ctx.connector) ?? []) : [];
  if (custom.length === 0) return [];
  const typed = path.length
    ? `${pathText({ kind: 'path', segments: path, span: { start: 0, end: 0 } }).replace(/\[[^\]]*\]/g, '')}.`
    : '';
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const c of custom) {
    if (!c.path.startsWith(typed)) continue;
    const name = c.path.slice(typed.length).split('.')[0];
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({
      label: name,
      kind: 'attribute',
      detail: `${c.type}${c.isCollection ? '[]' : ''} · custom (read from the IdP)`,
      documentation: c.description
        ? `\`${c.path}\` — custom attribute\n\n${c.description}`
        : `\`${c.path}\` — custom attribute`,
      replace: ctx.replace,
      sortText: `0${name}`,
    });
  }
  return out;
}

function sourceTypeOf(ctx: CursorContext): SourceType | undefined {
  return (SOURCE_TYPES as readonly string[]).includes(ctx.sourceType ?? '')
    ? (ctx.sourceType as SourceType)
    : undefined;
}

const docs = new WeakMap<AttributeInfo, string>();

function docFor(a: AttributeInfo, idp: SourceType): string {
  let doc = docs.get(a);
  if (doc === undefined) {
    doc = attributeMarkdown(a, idp);
    docs.set(a, doc);
  }
  return doc;
}

/** Catalog lookups repeat with every keystroke: keep them by IdP and path text. */
const childrenCache = new Map<string, AttributeInfo[]>();

function cachedChildren(idp: SourceType, path: PathSegment[]): AttributeInfo[] {
  const key = `${idp}:${path.map((s) => `${s.name}${s.access ? (s.access.kind === 'index' ? '[]' : `[${s.access.key}=${s.access.value}]`) : ''}`).join('.')}`;
  let found = childrenCache.get(key);
  if (!found) {
    found = completePath(path, idp);
    if (childrenCache.size > 500) childrenCache.clear();
    childrenCache.set(key, found);
  }
  return found;
}

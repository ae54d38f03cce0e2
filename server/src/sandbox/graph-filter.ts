import type { Directory } from './directory';
import type { GraphUserType } from './graph-shape';
import type { Person } from './users';

/**
 * A small OData `$filter` for Graph users: `prop eq value` and `startswith(prop,'x')` clauses joined by
 * `and` / `or` (and binds tighter), values 'string' (case-insensitive), true, false, null. Sub-properties
 * with `/` (employeeOrgData/costCenter, onPremisesExtensionAttributes/extensionAttribute1).
 * Anything else is answered like Graph answers an unsupported query (api-facts §1 Advanced queries:
 * ne/not/endsWith need ConsistencyLevel: eventual, which the sandbox does not simulate).
 */

export interface Clause {
  path: string[];
  op: 'eq' | 'startswith';
  value: string | boolean | null;
}

export type Filter = Clause[][]; // OR of ANDs

export type FilterResult = { ok: true; filter: Filter } | { ok: false; message: string };

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\()|(\))|(,)|([A-Za-z_][A-Za-z0-9_/]*))/y;

function tokenize(text: string): string[] | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
  }
  return out;
}

function literal(tok: string | undefined): { ok: boolean; value: string | boolean | null } {
  if (tok === undefined) return { ok: false, value: null };
  if (tok.startsWith("'")) return { ok: true, value: tok.slice(1, -1).replace(/''/g, "'") };
  if (tok === 'true' || tok === 'false') return { ok: true, value: tok === 'true' };
  if (tok === 'null') return { ok: true, value: null };
  return { ok: false, value: null };
}

export function parseGraphFilter(text: string, type: GraphUserType): FilterResult {
  const toks = tokenize(text);
  const fail = (): FilterResult => ({
    ok: false,
    message: `Unsupported or invalid query filter clause specified: '${text}'.`,
  });
  if (!toks || toks.length === 0) return fail();
  const filter: Filter = [[]];
  let i = 0;
  while (i < toks.length) {
    let clause: Clause;
    if (toks[i].toLowerCase() === 'startswith') {
      const [open, prop, comma, val, close] = toks.slice(i + 1, i + 6);
      const lit = literal(val);
      if (open !== '(' || comma !== ',' || close !== ')' || !lit.ok || typeof lit.value !== 'string') return fail();
      clause = { path: prop.split('/'), op: 'startswith', value: lit.value };
      i += 6;
    } else {
      const [prop, op, val] = toks.slice(i, i + 3);
      const lit = literal(val);
      if (op?.toLowerCase() !== 'eq' || !lit.ok) return fail();
      clause = { path: prop.split('/'), op: 'eq', value: lit.value };
      i += 3;
    }
    const top = type.resolve(clause.path[0]);
    if (!top || clause.path.length > 2) return fail();
    clause.path[0] = top;
    filter[filter.length - 1].push(clause);
    const joiner = toks[i]?.toLowerCase();
    if (joiner === undefined) break;
    if (joiner === 'or') filter.push([]);
    else if (joiner !== 'and') return fail();
    i++;
    if (i >= toks.length) return fail();
  }
  return { ok: true, filter };
}

function clauseHolds(c: Clause, p: Person, type: GraphUserType, dir: Directory): boolean {
  let v = type.value(p, c.path[0], dir);
  if (c.path.length === 2) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[c.path[1]] : undefined;
  if (Array.isArray(v)) return v.some((x) => matches(c, x));
  return matches(c, v ?? null);
}

function matches(c: Clause, v: unknown): boolean {
  if (c.op === 'startswith') return typeof v === 'string' && v.toLowerCase().startsWith(String(c.value).toLowerCase());
  if (typeof c.value === 'string') return typeof v === 'string' && v.toLowerCase() === c.value.toLowerCase();
  return v === c.value;
}

export function filterHolds(f: Filter, p: Person, type: GraphUserType, dir: Directory): boolean {
  return f.some((all) => all.every((c) => clauseHolds(c, p, type, dir)));
}

/** The ids of an `id eq 'a' or id eq 'b'` filter (the only form delta accepts), or undefined. */
export function idsOnly(f: Filter): string[] | undefined {
  const ids: string[] = [];
  for (const all of f) {
    if (all.length !== 1 || all[0].path[0] !== 'id' || all[0].op !== 'eq' || typeof all[0].value !== 'string')
      return undefined;
    ids.push(all[0].value);
  }
  return ids;
}

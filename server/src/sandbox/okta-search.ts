import type { Directory } from './directory';
import { attribute, DATE_ATTRIBUTES } from './okta-shape';
import type { Person } from './users';

/**
 * Okta `search` and `filter` expressions (api-facts §2 List):
 * search — SCIM-style `eq sw co gt ge lt le pr`, `and`/`or`, parentheses, no `ne`; property names
 * case-sensitive, values case-insensitive; `co` only on firstName/lastName/email/login.
 * filter — only status, lastUpdated, id, profile.login/email/firstName/lastName; `eq` only, except
 * lastUpdated gt/ge/lt/le.
 */

type Node =
  | { kind: 'or' | 'and'; items: Node[] }
  | { kind: 'cmp'; path: string; op: string; value: string | number | boolean | null };

export type Predicate = (p: Person, dir: Directory) => boolean;

const OPS = new Set(['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr']);
const CO_PATHS = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']);
const FILTER_PATHS = new Set([
  'status',
  'lastUpdated',
  'id',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
]);
const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(\()|(\))|([A-Za-z0-9_.:+-]+))/y;

function tokenize(text: string): string[] | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (!/^\s*$/.test(text.slice(TOKEN.lastIndex))) {
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  return out;
}

function value(tok: string | undefined): { ok: boolean; v: string | number | boolean | null } {
  if (tok === undefined) return { ok: false, v: null };
  if (tok.startsWith('"')) return { ok: true, v: tok.slice(1, -1).replace(/\\(.)/g, '$1') };
  if (tok === 'true' || tok === 'false') return { ok: true, v: tok === 'true' };
  if (tok === 'null') return { ok: true, v: null };
  return /^-?\d+(\.\d+)?$/.test(tok) ? { ok: true, v: Number(tok) } : { ok: false, v: null };
}

class Parser {
  private i = 0;
  constructor(private readonly toks: string[]) {}

  parse(): Node | undefined {
    const n = this.or();
    return n && this.i === this.toks.length ? n : undefined;
  }

  private or(): Node | undefined {
    return this.list('or', () => this.and());
  }

  private and(): Node | undefined {
    return this.list('and', () => this.primary());
  }

  private list(kind: 'or' | 'and', item: () => Node | undefined): Node | undefined {
    const items: Node[] = [];
    do {
      const n = item();
      if (!n) return undefined;
      items.push(n);
    } while (this.toks[this.i] === kind && ++this.i);
    return items.length === 1 ? items[0] : { kind, items };
  }

  private primary(): Node | undefined {
    if (this.toks[this.i] === '(') {
      this.i++;
      const n = this.or();
      return n && this.toks[this.i++] === ')' ? n : undefined;
    }
    const path = this.toks[this.i++];
    const op = this.toks[this.i++];
    if (!path || !op || !OPS.has(op) || !attribute(path)) return undefined;
    if (op === 'pr') return { kind: 'cmp', path, op, value: null };
    const v = value(this.toks[this.i++]);
    return v.ok ? { kind: 'cmp', path, op, value: v.v } : undefined;
  }
}

function allowed(n: Node, mode: 'search' | 'filter'): boolean {
  if (n.kind !== 'cmp') return n.items.every((x) => allowed(x, mode));
  if (
    DATE_ATTRIBUTES.has(n.path) &&
    n.op !== 'pr' &&
    (typeof n.value !== 'string' || Number.isNaN(Date.parse(n.value)))
  )
    return false;
  if (mode === 'search') return n.op !== 'co' || CO_PATHS.has(n.path);
  if (!FILTER_PATHS.has(n.path)) return false;
  return n.op === 'eq' || (n.path === 'lastUpdated' && ['gt', 'ge', 'lt', 'le'].includes(n.op));
}

/** A predicate for the expression, or undefined when Okta would answer E0000031 (invalid search criteria). */
export function parseOktaQuery(text: string, mode: 'search' | 'filter'): Predicate | undefined {
  const toks = tokenize(text);
  const node = toks && toks.length ? new Parser(toks).parse() : undefined;
  return node && allowed(node, mode) ? (p, dir) => holds(node, p, dir) : undefined;
}

function holds(n: Node, p: Person, dir: Directory): boolean {
  if (n.kind !== 'cmp')
    return n.kind === 'or' ? n.items.some((x) => holds(x, p, dir)) : n.items.every((x) => holds(x, p, dir));
  const actual = attribute(n.path)!(p, dir);
  if (n.op === 'pr') return actual !== null && actual !== undefined;
  if (actual === null || actual === undefined) return n.op === 'eq' && n.value === null;
  if (DATE_ATTRIBUTES.has(n.path)) return compare(n.op, actual as number, Date.parse(n.value as string));
  if (Array.isArray(actual)) return actual.some((a) => compareValue(n.op, a, n.value));
  return compareValue(n.op, actual, n.value);
}

function compareValue(op: string, actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') {
    const a = actual.toLowerCase();
    const e = expected.toLowerCase();
    if (op === 'sw') return a.startsWith(e);
    if (op === 'co') return a.includes(e);
    return compare(op, a, e);
  }
  return op === 'eq' ? actual === expected : compare(op, actual as number, expected as number);
}

function compare<T extends string | number>(op: string, a: T, b: T): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    default:
      return false;
  }
}

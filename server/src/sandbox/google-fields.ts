/**
 * Google partial response: the `fields` system parameter (discovery document, top-level `parameters.fields`:
 * "Selector specifying which fields to include in a partial response"; rules from the Directory API guide
 * "Partial response", https://developers.google.com/admin-sdk/directory/v1/guides/performance#partial-response).
 * Pure functions: parse a value once per request into a Selection, apply it to objects.
 */

/** Selected names of one level, each mapped to its sub-selection or `true` (the whole value). */
export type Selection = ReadonlyMap<string, Selection | true>;

export type Parsed = { selection: Selection; error?: undefined } | { error: string; selection?: undefined };

/**
 * The guide's syntax summary, paraphrased: a comma-separated list of fields, relative to the response root;
 * `a/b` selects b nested in a; `a(b,c)` selects the sub-fields b and c of a (nesting allowed); `*` selects
 * all fields of a level. Blanks around a name are ignored (the guide does not say; the sandbox's choice).
 * Anything else (empty name, trailing comma, unbalanced parentheses) is a syntax error.
 */
export function parseGoogleFields(text: string): Parsed {
  let i = 0;
  const name = (): string | undefined => {
    const m = /^\s*([^\s,/()]+)\s*/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[1];
  };
  const list = (): Map<string, Selection | true> | undefined => {
    const level = new Map<string, Selection | true>();
    for (;;) {
      const path: string[] = [];
      for (let n = name(); ; n = name()) {
        if (!n || (n === '*' && (text[i] === '/' || text[i] === '('))) return undefined;
        path.push(n);
        if (text[i] !== '/') break;
        i++;
      }
      let sub: Selection | true = true;
      if (text[i] === '(') {
        i++;
        const inner = list();
        if (!inner || text[i] !== ')') return undefined;
        i++;
        sub = inner;
      }
      merge(level, path, sub);
      if (text[i] !== ',') return level;
      i++;
    }
  };
  const selection = list();
  // The guide names no message for bad syntax (its example, "Invalid field selection a", is for a name).
  if (!selection || i !== text.length) return { error: `Invalid fields: ${text}` };
  return { selection };
}

/** Adds `path` (then `sub`) to `level`: a whole value absorbs any sub-selection of it. */
function merge(level: Map<string, Selection | true>, path: string[], sub: Selection | true): void {
  const [head, ...rest] = path;
  let add: Selection | true = sub;
  if (rest.length) merge((add = new Map()), rest, sub);
  const had = level.get(head);
  if (had === true || add === true) level.set(head, true);
  else if (!had) level.set(head, add);
  else {
    const both = new Map(had);
    for (const [k, v] of add) merge(both, [k], v);
    level.set(head, both);
  }
}

/** True when a selection keeps the whole value (`*`, or the value named without sub-selection). */
export const isWhole = (s: Selection | true): boolean => s === true || s.has('*');

/**
 * The selected part of `value`, as a new value; undefined when nothing selected exists. Keys keep the
 * value's order. Guide: when a selected field is an array, the server returns the selected part of each element.
 * An object left without any selected field is left out (the sandbox's choice: only what exists is sent).
 */
export function applyFields(value: unknown, sel: Selection | true): unknown {
  if (isWhole(sel)) return value;
  const level = sel as Selection;
  if (Array.isArray(value)) {
    const items = value.map((v) => applyFields(v, level)).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined; // a scalar has no sub-fields
  const out: Record<string, unknown> = {};
  let any = false;
  for (const [k, v] of Object.entries(value)) {
    const s = level.get(k);
    if (s === undefined) continue;
    const kept = applyFields(v, s);
    if (kept === undefined) continue;
    out[k] = kept;
    any = true;
  }
  return any ? out : undefined;
}

/** A canonical text of a selection (names sorted), for cache keys: equal selections give equal keys. */
export function selectionKey(sel: Selection | true): string {
  if (isWhole(sel)) return '*';
  return [...(sel as Selection)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (isWhole(v) ? k : `${k}(${selectionKey(v)})`))
    .join(',');
}

/** The first name of the level that `known` does not list (`*` excepted; nothing is checked without `known`). */
function unknownField(sel: Selection | true | undefined, known: ReadonlySet<string> | undefined): string | undefined {
  if (!sel || sel === true || !known) return undefined;
  for (const k of sel.keys()) if (k !== '*' && !known.has(k)) return k;
  return undefined;
}

/**
 * `text` parsed, its top-level names checked against `rootNames` and, when `items` is given (a list), the
 * names selected inside `items.field` against `items.names`. Guide: an unknown field is a 400 "Invalid field
 * selection <name>". Deeper levels are not checked: the User's complex fields are `any` in the discovery
 * document (api-facts §6), so only what exists is kept.
 */
export function parseCheckedFields(
  text: string,
  rootNames: ReadonlySet<string> | undefined,
  items?: { field: string; names: ReadonlySet<string> | undefined },
): Parsed {
  const parsed = parseGoogleFields(text);
  if (parsed.error !== undefined) return parsed;
  const sel = parsed.selection;
  const unknown = unknownField(sel, rootNames) ?? (items && unknownField(sel.get(items.field), items.names));
  return unknown ? { error: `Invalid field selection ${unknown}` } : parsed;
}

/** The envelope's fields under a root selection; `list` (filled later by jsonWithLists) is kept as is. */
export function selectEnvelope(body: Record<string, unknown>, root: Selection, list: string): Record<string, unknown> {
  if (isWhole(root)) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const s = root.get(k);
    if (s !== undefined) out[k] = k === list ? v : applyFields(v, s);
  }
  return out;
}

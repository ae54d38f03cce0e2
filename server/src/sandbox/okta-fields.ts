/**
 * Okta field projection: the `fields` parameter of GET /api/v1/users (okta-management-minimal-2026.06.3.yaml,
 * list users, `name: fields` at line 24739; api-facts §2 List): "Specifies a select set of user properties
 * to query. Any other properties will be filtered out of the returned users." Pure functions.
 */

/** Selected top-level properties, each whole (`true`) or cut to the named sub-fields (`profile:(a,b)`). */
export type OktaFields = ReadonlyMap<string, ReadonlySet<string> | true>;

// A property name: anything but blanks, commas, colons and parentheses.
const NAME = /^[^\s,:()]+$/;
const DIRECTIVE = /^([^\s,:()]+):\(([^()]*)\)$/;

/**
 * yaml: "Requested fields should be comma-separated. Comma-separate the fields and place sub-fields in the
 * profile object inside a `profile:()` directive, for example `profile:(firstName, city)`" (blanks after commas
 * allowed, as in that example). The directive is read on any property (`type:(id)`); the yaml shows it on
 * profile only. Undefined when malformed: unbalanced parentheses, `profile:` without `(`, an empty name
 * (the yaml names no error; the sandbox answers 400 E0000001, see okta.ts).
 */
export function parseOktaFields(text: string): OktaFields | undefined {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return undefined;
    else if ((c === ',' && depth === 0) || i === text.length) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  const fields = new Map<string, Set<string> | true>();
  for (const item of items) {
    if (NAME.test(item)) {
      fields.set(item, true); // `profile` alone: the whole profile
      continue;
    }
    const m = DIRECTIVE.exec(item);
    if (!m) return undefined;
    const subs = m[2].split(',').map((s) => s.trim());
    if (subs.some((s) => !NAME.test(s))) return undefined;
    const had = fields.get(m[1]);
    if (had !== true) fields.set(m[1], new Set([...(had ?? []), ...subs]));
  }
  return fields;
}

/**
 * The user with only the selected properties, in the user's own order. yaml: "The `id` field is always
 * included, regardless of whether it's specified". Names the user lacks are left out silently (the yaml
 * promises nothing else; its example answer, ListUsersFieldsResponse, shows just the selected properties).
 */
export function projectOktaUser(user: Record<string, unknown>, fields: OktaFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(user)) {
    const sel = k === 'id' ? true : fields.get(k);
    if (sel === undefined) continue;
    out[k] = sel === true || v === null || typeof v !== 'object' ? v : pick(v as Record<string, unknown>, sel);
  }
  return out;
}

function pick(o: Record<string, unknown>, names: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (names.has(k)) out[k] = v;
  return out;
}

/** A canonical text of a projection (names sorted), for cache keys: equal projections give equal keys. */
export function oktaFieldsKey(fields: OktaFields): string {
  return [...fields]
    .map(([k, v]) => (v === true ? k : `${k}:(${[...v].sort().join(',')})`))
    .sort()
    .join(',');
}

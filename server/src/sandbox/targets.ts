import { Directory } from './directory';
import { DEPARTMENTS } from './names';
import { mix32, Random } from './random';
import { displayEmail, Person } from './users';

/**
 * The Jira and Confluence user bases: the same people as the IdPs (username = lower-case address),
 * minus ~3% not yet provisioned, plus a few local accounts. Each starts with some properties and
 * profile fields already set — some equal to what the sandbox config (config-out.ts) maps, some stale,
 * some absent — so a first sync plans a realistic mix of changes.
 */

export type Product = 'jira' | 'confluence';

export interface AtlassianUser {
  username: string;
  key: string;
  displayName: string;
  email: string;
  active: boolean;
  /** Companion "User Properties" (Jira `jira.meta.*`; Confluence user properties). */
  properties: Record<string, string>;
  /** Confluence profile fields (phone, im, website, position, department, location); empty on Jira. */
  profile: Record<string, string>;
  /** Jira REST entity properties: key -> JSON text. */
  entity: Map<string, string>;
}

type Seeded = [key: string, value: (p: Person, dir: Directory) => string | null];

/** Mirrors the property mappings written by config-out.ts, so "equal" seeds are really equal. */
const JIRA_PROPERTIES: Seeded[] = [
  ['Department', (p) => p.department],
  ['Cost Center', (p) => p.costCenter],
  ['Badge', (p) => p.badge],
  ['Manager', (p, d) => (p.manager >= 0 ? displayEmail(d.original(p.manager)) : null)],
  ['Phone', (p) => p.mobilePhone ?? p.businessPhone],
  ['Office', (p) => p.officeLocation],
  ['Title', (p) => p.jobTitle],
  ['Work Phone', (p) => p.businessPhone],
  ['Manager Email', (p, d) => (p.manager >= 0 ? d.original(p.manager).email : null)],
];
const CONFLUENCE_PROFILE: Seeded[] = [
  ['position', (p) => p.jobTitle && p.jobTitle.slice(0, 255)],
  ['department', (p) => p.department],
  ['location', (p) => [p.city, p.countryCode].filter(Boolean).join(', ') || null],
  ['phone', (p) => p.mobilePhone ?? p.businessPhone],
];
const CONFLUENCE_PROPERTIES: Seeded[] = [
  ['Employee Number', (p) => p.employeeId],
  ['Badge', (p) => p.badge],
];

const LOCAL_ACCOUNTS = ['admin', 'svc-automation'];

export class AtlassianUsers {
  private readonly changed = new Map<string, AtlassianUser>();
  private readonly locals: AtlassianUser[];
  /** Bumped on every write; list caches key on it. */
  version = 0;

  constructor(
    readonly product: Product,
    private readonly dir: Directory,
    private readonly seed: number,
  ) {
    this.locals = LOCAL_ACCOUNTS.map((name, k) => this.blank(name, 90000 + k, `${name}@contoso.com`, name));
  }

  /** A user by username (case-insensitive), or undefined when this product has none. */
  get(username: string): AtlassianUser | undefined {
    const name = username.toLowerCase();
    const hit = this.changed.get(name) ?? this.locals.find((u) => u.username === name);
    if (hit) return hit;
    const i = this.dir.indexOf(name);
    return i >= 0 && i < this.dir.generated ? this.seeded(i) : undefined;
  }

  /** A user by its immutable key (JIRAUSER10042 / Confluence's 32-hex userKey). */
  byKey(key: string): AtlassianUser | undefined {
    const m = this.product === 'jira' ? /^JIRAUSER(\d+)$/.exec(key) : /^[0-9a-f]{18}([0-9a-f]{14})$/.exec(key);
    if (!m) return undefined;
    const n = this.product === 'jira' ? Number(m[1]) : parseInt(m[1], 16);
    const local = this.locals.find((u) => u.key === key);
    if (local) return local;
    const i = n - 10000;
    const u = i >= 0 && i < this.dir.generated ? this.get(this.dir.emailAt(i)) : undefined;
    return u?.key === key ? u : undefined;
  }

  /** The user, kept from now on so that writes stick. */
  editable(username: string): AtlassianUser | undefined {
    const u = this.get(username);
    if (u && !this.changed.has(u.username)) this.changed.set(u.username, u);
    if (u) this.version++;
    return u;
  }

  /** Every user in a stable order (people first, then local accounts). */
  *all(): Generator<AtlassianUser> {
    for (let i = 0; i < this.dir.generated; i++) {
      const u = this.changed.get(this.dir.emailAt(i)) ?? this.seeded(i);
      if (u) yield u;
    }
    yield* this.locals;
  }

  private seeded(i: number): AtlassianUser | undefined {
    // ~3% of the people are not (yet) in the target, at a different spot for each product.
    if (i % 33 === (this.product === 'jira' ? 16 : 20)) return undefined;
    const p = this.dir.original(i);
    const u = this.blank(p.email, 10000 + i, p.email, p.displayName);
    u.active = p.oktaStatus !== 'DEPROVISIONED';
    const r = new Random(mix32(this.seed ^ Math.imul(i + 7, 0x85ebca6b) ^ (this.product === 'jira' ? 1 : 2)));
    const fill = (into: Record<string, string>, table: Seeded[]) => {
      for (const [key, value] of table) {
        const v = value(p, this.dir);
        const roll = r.next();
        if (v && roll < 0.5 && v.length <= 250) into[key] = v;
        else if (roll < 0.7) into[key] = stale(key, r);
      }
    };
    if (this.product === 'jira') fill(u.properties, JIRA_PROPERTIES);
    else {
      fill(u.profile, CONFLUENCE_PROFILE);
      fill(u.properties, CONFLUENCE_PROPERTIES);
      if (r.chance(0.2)) u.profile.website = `https://intranet.contoso.com/people/${i}`;
    }
    if (r.chance(0.1)) u.properties['Legacy Code'] = `L${r.int(1000)}`;
    return u;
  }

  private blank(username: string, n: number, email: string, displayName: string): AtlassianUser {
    const key =
      this.product === 'jira'
        ? `JIRAUSER${n}`
        : `ff8080818${(mix32(n ^ this.seed) >>> 0).toString(16).padStart(8, '0')}0${n.toString(16).padStart(14, '0')}`;
    return { username, key, displayName, email, active: true, properties: {}, profile: {}, entity: new Map() };
  }
}

/** An outdated value, as left by an earlier manual edit or import. */
function stale(key: string, r: Random): string {
  if (/department/i.test(key)) return r.pick(DEPARTMENTS).name + ' (old)';
  if (/phone/i.test(key)) return '+1 425 555 0100';
  if (/manager/i.test(key)) return 'former.manager@contoso.com';
  return 'n/a';
}

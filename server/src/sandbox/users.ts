import {
  CITIES,
  DEPARTMENTS,
  GIVEN_NAMES,
  LONG_OFFICE,
  LONG_TITLE,
  PROJECTS,
  SKILLS,
  SURNAMES,
  UNICODE_NAMES,
} from './names';
import { mix32, Random } from './random';

/**
 * Generated people: one canonical record per person, from which every simulated IdP shapes its own
 * user object (graph-shape.ts, okta-shape.ts, google-shape.ts). The same people therefore exist in
 * Entra ID, Okta and Google, and a change to a person shows up in all three.
 *
 * Edge cases sit at fixed index patterns so that even 50 users contain each of them.
 */

export type OktaStatus = 'ACTIVE' | 'DEPROVISIONED' | 'SUSPENDED' | 'PROVISIONED' | 'LOCKED_OUT';

export interface Person {
  index: number;
  /** The real address, lower case: the Atlassian username. */
  email: string;
  guest: boolean;
  givenName: string | null;
  surname: string | null;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  division: string | null;
  costCenter: string | null;
  mobilePhone: string | null;
  businessPhone: string | null;
  officeLocation: string | null;
  city: string | null;
  country: string | null;
  countryCode: string | null;
  preferredLanguage: string | null;
  companyName: string | null;
  employeeId: string | null;
  /** Badge number: Graph extensionAttribute1, Okta custom `badgeNumber`. */
  badge: string | null;
  /** Graph directory extension `extension_<appid>_costCode`. */
  costCode: string | null;
  /** Index of the manager, -1 for none. */
  manager: number;
  enabled: boolean;
  oktaStatus: OktaStatus;
  /** Epoch milliseconds. */
  created: number;
  lastUpdated: number;
  aboutMe: string | null;
  /** Epoch milliseconds (Graph shows a DateTimeOffset), or null. */
  birthday: number | null;
  hireDate: number | null;
  skills: readonly string[];
  projects: readonly string[];
  /** '' while present; how the person was removed otherwise (Graph delta `@removed.reason`). */
  removed: '' | 'changed' | 'deleted';
}

export const COMPANY_DOMAIN = 'contoso.com';
export const GUEST_DOMAIN = 'fabrikam.com';
export const TENANT_DOMAIN = 'contoso.onmicrosoft.com';
/** Data is dated before this instant, so that anything changed during a run is newer. */
const EPOCH = Date.UTC(2025, 0, 1);
const YEAR = 365 * 24 * 3600 * 1000;

export const isGuestIndex = (i: number): boolean => i % 37 === 5;
export const isLongIndex = (i: number): boolean => i % 41 === 7;
export const isUnicodeIndex = (i: number): boolean => i % 13 === 3;

/** ASCII spelling for e-mail local parts: accents stripped, anything else dropped. */
export function asciiWord(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ø/gi, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

const DEPROVISIONED = { enabled: false, oktaStatus: 'DEPROVISIONED' } as const;
const SUSPENDED = { enabled: false, oktaStatus: 'SUSPENDED' } as const;
const PROVISIONED = { enabled: true, oktaStatus: 'PROVISIONED' } as const;
const LOCKED_OUT = { enabled: true, oktaStatus: 'LOCKED_OUT' } as const;
const ACTIVE = { enabled: true, oktaStatus: 'ACTIVE' } as const;

function statusFor(i: number): { enabled: boolean; oktaStatus: OktaStatus } {
  if (i % 53 === 11) return DEPROVISIONED;
  if (i % 31 === 9) return SUSPENDED;
  if (i % 67 === 13) return PROVISIONED;
  if (i % 71 === 17) return LOCKED_OUT;
  return ACTIVE;
}

function managerFor(i: number, rnd: Random): number {
  if (i === 0 || isGuestIndex(i) || rnd.chance(0.03)) return -1;
  let m = Math.floor((i - 1) / 8);
  while (m > 0 && isGuestIndex(m)) m = Math.floor((m - 1) / 8);
  return m;
}

const DAY = 86400000;
const asciiCache = new Map<string, string>();
const asciiOf = (s: string): string => asciiCache.get(s) ?? asciiCache.set(s, asciiWord(s)).get(s)!;

interface Names {
  givenName: string;
  surname: string;
  local: string;
  emoji?: string;
}

/**
 * Person #i is computed from its own random stream (seed × index), so any person can be built on demand
 * without the others: the directory keeps only the addresses and the people that changed.
 */
export class PeopleGenerator {
  constructor(private readonly seed: number) {}

  /** The address part of person #i: its stream's first draws, shared with `person`. */
  names(i: number): Names {
    return this.drawNames(this.stream(i), i);
  }

  /** Person #i as generated (before any change), with the address the directory gave it. */
  person(i: number, email: string): Person {
    const r = this.stream(i);
    const { givenName, surname, emoji } = this.drawNames(r, i);
    const guest = isGuestIndex(i);
    const dept = r.pick(DEPARTMENTS);
    const city = r.pick(CITIES);
    const long = isLongIndex(i);
    const created = EPOCH - Math.floor(r.next() * 3 * YEAR);
    const hasOrgData = !guest && !r.chance(0.2);
    const status = statusFor(i);
    return {
      index: i,
      email,
      guest,
      givenName,
      surname,
      displayName: emoji ? `${givenName} ${surname} ${emoji}` : `${givenName} ${surname}`,
      jobTitle: long ? LONG_TITLE : r.pick(dept.titles),
      department: guest && r.chance(0.5) ? null : dept.name,
      division: hasOrgData ? dept.division : null,
      costCenter: hasOrgData ? `CC-${1000 + DEPARTMENTS.indexOf(dept) * 10 + r.int(10)}` : null,
      mobilePhone: r.chance(0.2) ? null : city.phonePrefix + String(1000 + r.int(9000)),
      businessPhone: r.chance(0.15) ? null : city.phonePrefix + String(1000 + r.int(9000)),
      officeLocation: long ? LONG_OFFICE : `${city.countryCode}-${r.int(9) + 1}/${r.int(40) + 1}.${10 + r.int(90)}`,
      city: city.city,
      country: city.country,
      countryCode: city.countryCode,
      preferredLanguage: r.chance(0.1) ? null : city.language,
      companyName: guest ? 'Fabrikam' : 'Contoso Ltd.',
      employeeId: guest ? null : String(100000 + i),
      badge: guest || r.chance(0.1) ? null : `B${100000 + r.int(900000)}`,
      costCode: !guest && r.chance(0.4) ? `K-${String(1000 + r.int(9000))}` : null,
      manager: managerFor(i, r),
      enabled: status.enabled,
      oktaStatus: status.oktaStatus,
      created,
      lastUpdated: created + Math.floor(r.next() * (EPOCH - created)),
      aboutMe: emoji ? `Hello ${emoji} ${givenName} here` : r.chance(0.2) ? `Works on ${r.pick(PROJECTS)}.` : null,
      birthday: r.chance(0.5) ? EPOCH - ((22 + r.int(40)) * 365 + r.int(365)) * DAY : null,
      hireDate: created - (created % DAY),
      skills: r.chance(0.6) ? SKILL_SETS[r.int(SKILL_SETS.length)] : NONE,
      projects: r.chance(0.7) ? PROJECT_SETS[r.int(PROJECT_SETS.length)] : NONE,
      removed: '',
    };
  }

  private stream(i: number): Random {
    return new Random(mix32(this.seed ^ Math.imul(i + 1, 0x9e3779b1)));
  }

  private drawNames(r: Random, i: number): Names {
    if (isUnicodeIndex(i)) {
      const u = UNICODE_NAMES[Math.floor(i / 13) % UNICODE_NAMES.length];
      const [a, b] = u.ascii ?? [asciiOf(u.given), asciiOf(u.surname)];
      return { givenName: u.given, surname: u.surname, local: `${a}.${b}`, emoji: u.emoji };
    }
    const givenName = r.pick(GIVEN_NAMES);
    const surname = r.pick(SURNAMES);
    return { givenName, surname, local: `${asciiOf(givenName)}.${asciiOf(surname)}` };
  }
}

/** Shared, frozen value lists (people hold references; changes replace the array, never edit it). */
const NONE: readonly string[] = Object.freeze([]);
const SKILL_SETS = SKILLS.map((s, k) => Object.freeze([s, SKILLS[(k + 3) % SKILLS.length]]));
const PROJECT_SETS = PROJECTS.map((_, k) => Object.freeze(PROJECTS.slice(k, k + 1 + (k % 3))));

/** Hands out unique addresses in index order: alice.smith@, alice.smith2@, ... */
export class AddressBook {
  private readonly counts = new Map<string, number>();

  next(i: number, local: string): string {
    const base = `${local}@${isGuestIndex(i) ? GUEST_DOMAIN : COMPANY_DOMAIN}`;
    const n = this.counts.get(base) ?? 0;
    this.counts.set(base, n + 1);
    return n === 0 ? base : `${local}${n + 1}@${base.slice(base.indexOf('@') + 1)}`;
  }
}

/** How Graph and some directories capitalise the address: Alice.Smith@contoso.com. Guests keep theirs. */
export function displayEmail(p: Person): string {
  if (p.guest) return p.email;
  const at = p.email.indexOf('@');
  const local = p.email
    .slice(0, at)
    .split('.')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('.');
  return local + p.email.slice(at);
}

/** Graph user principal name: the address for members, `x_domain#EXT#@tenant` for guests. */
export function userPrincipalName(p: Person): string {
  return p.guest ? `${p.email.replace('@', '_')}#EXT#@${TENANT_DOMAIN}` : displayEmail(p);
}

import type { Directory } from './directory';
import type { Person } from './users';

/**
 * Okta user objects (api-facts §2 User object; samples/okta-list-users.json) and the attribute
 * accessors that `search`/`filter` evaluate. Dates are compared as epoch milliseconds.
 */

export const USER_TYPE_ID = 'oty1162QAr8hJjTaq0g4';
const HOUR = 3600000;

type Get = (p: Person, dir: Directory) => unknown;

// api-facts §2 Base profile: all strings; `manager` is a display name and `managerId` an id, both plain strings.
export const PROFILE: Record<string, Get> = {
  firstName: (p) => p.givenName,
  lastName: (p) => p.surname,
  mobilePhone: (p) => p.mobilePhone,
  secondEmail: () => null,
  login: (p) => p.email,
  email: (p) => p.email,
  displayName: (p) => p.displayName,
  title: (p) => p.jobTitle,
  department: (p) => p.department,
  division: (p) => p.division,
  organization: (p) => p.companyName,
  city: (p) => p.city,
  countryCode: (p) => p.countryCode,
  primaryPhone: (p) => p.businessPhone,
  employeeNumber: (p) => p.employeeId,
  costCenter: (p) => p.costCenter,
  manager: (p, d) => d.manager(p)?.displayName ?? null,
  managerId: (p, d) => (d.manager(p) ? d.ids.oktaId(p.manager) : null),
  preferredLanguage: (p) => p.preferredLanguage && p.preferredLanguage.slice(0, 2),
  locale: (p) => (p.preferredLanguage ?? 'en-US').replace('-', '_'),
  // custom attributes (GET /api/v1/meta/schemas/user/default, definitions.custom)
  badgeNumber: (p) => p.badge,
  projects: (p) => (p.projects.length ? [...p.projects] : null),
};

const PROFILE_ENTRIES = Object.entries(PROFILE);

/** Custom attributes are left out of the profile when unset; base attributes show null. */
export const CUSTOM_ATTRIBUTES = new Set(['badgeNumber', 'projects']);

export const TOP: Record<string, Get> = {
  id: (p, d) => d.ids.oktaId(p.index),
  status: (p) => p.oktaStatus,
  created: (p) => p.created,
  activated: (p) => (p.oktaStatus === 'PROVISIONED' ? null : p.created + HOUR),
  statusChanged: (p) => (p.oktaStatus === 'ACTIVE' ? p.created + HOUR : p.lastUpdated),
  lastUpdated: (p) => p.lastUpdated,
  'type.id': () => USER_TYPE_ID,
};

export const DATE_ATTRIBUTES = new Set(['created', 'activated', 'statusChanged', 'lastUpdated']);

/** The value `search`/`filter` sees for an attribute path, or undefined when Okta has no such attribute. */
export function attribute(path: string): Get | undefined {
  if (path.startsWith('profile.')) return PROFILE[path.slice('profile.'.length)];
  return TOP[path];
}

const iso = (ms: number | null | unknown): string | null =>
  typeof ms === 'number' ? new Date(ms).toISOString() : null;

export function oktaUser(p: Person, dir: Directory, base: string): Record<string, unknown> {
  const id = dir.ids.oktaId(p.index);
  const manager = dir.manager(p); // once, not once per manager attribute
  const profile: Record<string, unknown> = {};
  for (const [name, get] of PROFILE_ENTRIES) {
    const v =
      name === 'manager'
        ? (manager?.displayName ?? null)
        : name === 'managerId'
          ? manager
            ? dir.ids.oktaId(manager.index)
            : null
          : get(p, dir);
    if (v !== null || !CUSTOM_ATTRIBUTES.has(name)) profile[name] = v;
  }
  return {
    id,
    status: p.oktaStatus,
    created: iso(p.created),
    activated: iso(TOP.activated(p, dir)),
    statusChanged: iso(TOP.statusChanged(p, dir)),
    lastLogin: p.oktaStatus === 'ACTIVE' ? iso(p.lastUpdated - HOUR) : null,
    lastUpdated: iso(p.lastUpdated),
    passwordChanged: p.oktaStatus === 'PROVISIONED' ? null : iso(p.created + 2 * HOUR),
    type: { id: USER_TYPE_ID },
    profile,
    credentials: { password: {}, provider: { type: 'OKTA', name: 'OKTA' } },
    // api-facts §2 User object: _links in collections contain only `self`.
    _links: { self: { href: `${base}/api/v1/users/${id}` } },
  };
}

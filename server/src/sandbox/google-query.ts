import type { Directory } from './directory';
import type { Person } from './users';

/**
 * A minimal `query` for users.list (api-facts §3: e.g. `employmentData.location="Atlanta"`): clauses
 * separated by spaces, all must hold. `field:value` matches case-insensitively (a trailing `*` makes it a
 * prefix), `field=value` is exact. Fields: email, givenName, familyName, name, isSuspended, isAdmin,
 * orgUnitPath, orgTitle, orgDepartment, orgCostCenter, directManager, employmentData.employeeNumber.
 */

type Get = (p: Person, dir: Directory) => unknown;

const FIELDS: Record<string, Get> = {
  email: (p) => p.email,
  givenname: (p) => p.givenName,
  familyname: (p) => p.surname,
  name: (p) => `${p.givenName ?? ''} ${p.surname ?? ''}`.trim(),
  issuspended: (p) => !p.enabled,
  isadmin: (p) => p.index === 0,
  orgunitpath: (p) => (p.guest ? '/Guests' : `/${p.department ?? 'Staff'}`),
  orgtitle: (p) => (p.guest ? null : p.jobTitle),
  orgdepartment: (p) => (p.guest ? null : p.department),
  orgcostcenter: (p) => (p.guest ? null : p.costCenter),
  directmanager: (p, d) => d.manager(p)?.email ?? null,
  'employmentdata.employeenumber': (p) => p.employeeId,
};

const CLAUSE = /\s*([A-Za-z][A-Za-z0-9_.]*)\s*([:=])\s*('[^']*'|"[^"]*"|[^\s'"]+)/y;

export type GoogleFilter = (p: Person, dir: Directory) => boolean;

/** A predicate, or undefined when Google would answer 400 Invalid Input. */
export function parseGoogleQuery(query: string): GoogleFilter | undefined {
  const tests: GoogleFilter[] = [];
  CLAUSE.lastIndex = 0;
  while (!/^\s*$/.test(query.slice(CLAUSE.lastIndex))) {
    const m = CLAUSE.exec(query);
    const get = m && FIELDS[m[1].toLowerCase()];
    if (!m || !get) return undefined;
    const op = m[2];
    let value = m[3].replace(/^['"]|['"]$/g, '').toLowerCase();
    const prefix = op === ':' && value.endsWith('*');
    if (prefix) value = value.slice(0, -1);
    tests.push((p, dir) => {
      const actual = get(p, dir);
      if (actual === null || actual === undefined) return false;
      const a = String(actual).toLowerCase();
      return prefix ? a.startsWith(value) : a === value;
    });
  }
  return (p, dir) => tests.every((t) => t(p, dir));
}

import type { Directory } from './directory';
import { mix32 } from './random';
import type { Person } from './users';

/**
 * Google Directory `User` objects (api-facts §3 Shape; samples/google-get-user.json): multi-valued
 * fields are arrays of typed entries and may be missing altogether; the manager is
 * `relations[type=manager].value`, an e-mail; customSchemas only with projection custom|full.
 */

export type Projection = 'basic' | 'custom' | 'full';

const iso = (ms: number): string => new Date(ms).toISOString();

export const CUSTOM_SCHEMA = 'employmentData';

export function googleUser(
  p: Person,
  dir: Directory,
  customerId: string,
  projection: Projection,
  mask: string[],
): Record<string, unknown> {
  const manager = dir.manager(p);
  const local = p.email.slice(0, p.email.indexOf('@'));
  const u: Record<string, unknown> = {
    kind: 'admin#directory#user',
    id: dir.ids.googleId(p.index),
    etag: `"${mix32(p.index ^ p.lastUpdated).toString(36)}/${mix32(p.lastUpdated).toString(36)}"`,
    primaryEmail: p.email,
    name: { givenName: p.givenName, familyName: p.surname, fullName: `${p.givenName ?? ''} ${p.surname ?? ''}`.trim() },
    isAdmin: p.index === 0,
    isDelegatedAdmin: false,
    lastLoginTime: p.enabled ? iso(p.lastUpdated - 3600000) : '1970-01-01T00:00:00.000Z',
    creationTime: iso(p.created),
    agreedToTerms: true,
    suspended: !p.enabled,
    ...(p.enabled ? {} : { suspensionReason: 'ADMIN' }),
    archived: false,
    changePasswordAtNextLogin: false,
    ipWhitelisted: false,
    emails: [
      { address: p.email, primary: true },
      ...(p.guest ? [] : [{ address: `${local}@contoso.test-google-a.com` }]),
    ],
  };
  const phones = [
    ...(p.businessPhone ? [{ value: p.businessPhone, type: 'work' }] : []),
    ...(p.mobilePhone ? [{ value: p.mobilePhone, type: 'mobile' }] : []),
  ];
  if (phones.length) u.phones = phones; // samples/google-list-users-domain.json: arrays can be missing
  if (!p.guest) {
    u.organizations = [
      {
        title: p.jobTitle,
        department: p.department,
        costCenter: p.costCenter,
        location: p.officeLocation,
        name: p.companyName,
        primary: true,
        customType: '',
      },
    ];
    u.addresses = [
      {
        type: 'work',
        locality: p.city,
        country: p.country,
        countryCode: p.countryCode,
        formatted: `${p.city}, ${p.country}`,
      },
    ];
  }
  if (p.employeeId) u.externalIds = [{ value: p.employeeId, type: 'organization' }];
  if (manager) u.relations = [{ type: 'manager', value: manager.email }]; // api-facts §3 Manager: a free-text e-mail
  u.customerId = customerId;
  u.orgUnitPath = p.guest ? '/Guests' : `/${p.department ?? 'Staff'}`;
  u.isMailboxSetup = true;
  u.includeInGlobalAddressList = true;
  u.isGuestUser = p.guest;
  // api-facts §3 users.list: projection basic (default) omits customSchemas; custom needs customFieldMask.
  if (projection === 'full' || (projection === 'custom' && mask.includes(CUSTOM_SCHEMA))) {
    const data: Record<string, unknown> = {};
    if (p.employeeId) data.employeeNumber = p.employeeId;
    if (p.projects.length) data.projects = p.projects.map((value) => ({ value, type: 'work' }));
    if (Object.keys(data).length) u.customSchemas = { [CUSTOM_SCHEMA]: data };
  }
  return u;
}

/** GET /admin/directory/v1/customer/{customerId}/schemas (api-facts §3: fieldType, multiValued, readAccessType). */
export function googleSchemas(): Record<string, unknown> {
  const field = (fieldName: string, displayName: string, multiValued: boolean) => ({
    kind: 'admin#directory#schema#fieldspec',
    fieldId: `f${mix32(fieldName.length * 7919).toString(36)}${fieldName.length}`,
    etag: `"${fieldName}"`,
    fieldType: 'STRING',
    fieldName,
    displayName,
    multiValued,
    readAccessType: 'ADMINS_AND_SELF',
  });
  return {
    kind: 'admin#directory#schemas',
    etag: '"sandbox-schemas"',
    schemas: [
      {
        kind: 'admin#directory#schema',
        schemaId: 'sch3mA1d0000employmentData',
        etag: '"employmentData"',
        schemaName: CUSTOM_SCHEMA,
        displayName: 'Employment data',
        fields: [field('employeeNumber', 'Employee number', false), field('projects', 'Projects', true)],
      },
    ],
  };
}

import type { Directory } from './directory';
import type { Person } from './users';
import { displayEmail, TENANT_DOMAIN, userPrincipalName } from './users';

/**
 * Microsoft Graph `user` objects built from people, and the `$select` rules of the user collection.
 * Property lists: idp/graph-user.json (structural, non-navigation properties of microsoft.graph.user).
 */

/** A word list written as text: split on whitespace. */
const words = (text: string): string[] => text.trim().split(/\s+/);

// api-facts §1 Default vs $select: GET /users returns only these 11 without $select.
export const GRAPH_DEFAULT_PROPS = words(`
  businessPhones displayName givenName jobTitle mail mobilePhone officeLocation preferredLanguage surname
  userPrincipalName id
`);

// api-facts §1: "Cannot be selected on the collection (501 Not Implemented)" — per-user GET only.
export const LIST_UNSUPPORTED = new Set(
  words(`
  aboutMe birthday hireDate interests mySite pastProjects preferredName responsibilities schools skills
  mailboxSettings
`),
);

// idp/graph-user.json: top-level structural properties (isCollection true -> [] when empty, else null).
const SCALAR_PROPS = words(`
  id deletedDateTime aboutMe accountEnabled ageGroup authorizationInfo birthday city companyName
  consentProvidedForMinor country createdDateTime creationType customSecurityAttributes department
  deviceEnrollmentLimit displayName employeeHireDate employeeId employeeLeaveDateTime employeeOrgData
  employeeType externalUserState externalUserStateChangeDateTime faxNumber givenName hireDate
  identityParentId isManagementRestricted isResourceAccount jobTitle lastPasswordChangeDateTime
  legalAgeGroupClassification mail mailboxSettings mailNickname mobilePhone mySite officeLocation
  onPremisesDistinguishedName onPremisesDomainName onPremisesExtensionAttributes onPremisesImmutableId
  onPremisesLastSyncDateTime onPremisesSamAccountName onPremisesSecurityIdentifier onPremisesSyncEnabled
  onPremisesUserPrincipalName passwordPolicies passwordProfile postalCode preferredDataLocation
  preferredLanguage preferredName print securityIdentifier showInAddressList signInActivity
  signInSessionsValidFromDateTime state streetAddress surname usageLocation userPrincipalName userType
`);
const COLLECTION_PROPS = new Set(
  words(`
  assignedLicenses assignedPlans businessPhones identities imAddresses interests licenseAssignmentStates
  onPremisesProvisioningErrors otherMails pastProjects provisionedPlans proxyAddresses responsibilities
  schools serviceProvisioningErrors skills
`),
);

/** ISO 8601 the way Graph writes DateTimeOffset values: no milliseconds. */
export const graphTime = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const extensionAttributes = (badge: string | null): Record<string, string | null> => {
  const out: Record<string, string | null> = {};
  for (let k = 1; k <= 15; k++) out[`extensionAttribute${k}`] = k === 1 ? badge : null;
  return out;
};

type Getter = (p: Person, dir: Directory) => unknown;

const GETTERS: Record<string, Getter> = {
  id: (p, d) => d.ids.graphId(p.index),
  userPrincipalName: (p) => userPrincipalName(p),
  mail: (p) => displayEmail(p),
  mailNickname: (p) => (p.guest ? `${p.email.replace('@', '_')}#EXT#` : p.email.slice(0, p.email.indexOf('@'))),
  otherMails: () => [],
  proxyAddresses: (p) => [`SMTP:${displayEmail(p)}`],
  identities: (p) => [
    { signInType: 'userPrincipalName', issuer: TENANT_DOMAIN, issuerAssignedId: userPrincipalName(p) },
  ],
  displayName: (p) => p.displayName,
  givenName: (p) => p.givenName,
  surname: (p) => p.surname,
  jobTitle: (p) => p.jobTitle && p.jobTitle.slice(0, 128), // api-facts §1 Limits: jobTitle 128
  department: (p) => p.department,
  mobilePhone: (p) => p.mobilePhone,
  businessPhones: (p) => (p.businessPhone ? [p.businessPhone] : []), // api-facts §1: "only one number can be set"
  officeLocation: (p) => p.officeLocation,
  city: (p) => p.city,
  country: (p) => p.country,
  usageLocation: (p) => p.countryCode,
  preferredLanguage: (p) => p.preferredLanguage,
  companyName: (p) => p.companyName,
  employeeId: (p) => p.employeeId,
  employeeType: (p) => (p.guest ? null : 'Employee'),
  employeeHireDate: (p) => graphTime(p.hireDate),
  employeeOrgData: (p) => (p.division || p.costCenter ? { division: p.division, costCenter: p.costCenter } : null),
  onPremisesExtensionAttributes: (p) => extensionAttributes(p.badge),
  accountEnabled: (p) => p.enabled,
  userType: (p) => (p.guest ? 'Guest' : 'Member'),
  externalUserState: (p) => (p.guest ? 'Accepted' : null),
  createdDateTime: (p) => graphTime(p.created),
  showInAddressList: () => null,
  aboutMe: (p) => p.aboutMe,
  birthday: (p) => graphTime(p.birthday) ?? '0001-01-01T00:00:00Z',
  hireDate: (p) => graphTime(p.hireDate),
  skills: (p) => [...p.skills],
  mailboxSettings: (p) => ({ timeZone: 'UTC', language: { locale: p.preferredLanguage ?? 'en-US' } }),
};

/** Graph's user type: property names resolve case-insensitively to their declared spelling. */
export class GraphUserType {
  private readonly names = new Map<string, string>();

  /** @param extensionName the registered directory extension, `extension_<appId>_costCode`. */
  constructor(readonly extensionName: string) {
    for (const n of [...SCALAR_PROPS, ...COLLECTION_PROPS, extensionName]) this.names.set(n.toLowerCase(), n);
  }

  /** The declared name of a property, or undefined when the type has no such property. */
  resolve(name: string): string | undefined {
    return this.names.get(name.trim().toLowerCase());
  }

  /** One property's value; `undefined` means "omit" (directory extensions without a value). */
  value(p: Person, prop: string, dir: Directory): unknown {
    if (prop === this.extensionName) return p.costCode ?? undefined;
    const get = GETTERS[prop];
    if (get) return get(p, dir);
    return COLLECTION_PROPS.has(prop) ? [] : null;
  }

  shape(p: Person, props: string[], dir: Directory): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      const v = this.value(p, prop, dir);
      if (v !== undefined) out[prop] = v;
    }
    return out;
  }
}

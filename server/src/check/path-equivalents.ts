import type { SourceType } from '../model/model';

/**
 * The same piece of a person's profile in each IdP, for the fix "Change to 'userPrincipalName'" when a
 * path of another IdP is used (`profile.login` in a connector that reads azure). Every entry resolves in
 * its IdP's catalog (tested).
 */
export const EQUIVALENT_ATTRIBUTES: readonly Readonly<Partial<Record<SourceType, string>>>[] = [
  { azure: 'userPrincipalName', okta: 'profile.login', google: 'primaryEmail' },
  { azure: 'mail', okta: 'profile.email', google: 'primaryEmail' },
  { azure: 'givenName', okta: 'profile.firstName', google: 'name.givenName' },
  { azure: 'surname', okta: 'profile.lastName', google: 'name.familyName' },
  { azure: 'displayName', okta: 'profile.displayName', google: 'name.fullName' },
  { azure: 'jobTitle', okta: 'profile.title', google: 'organizations[primary=true].title' },
  { azure: 'department', okta: 'profile.department', google: 'organizations[primary=true].department' },
  { azure: 'employeeOrgData.costCenter', okta: 'profile.costCenter', google: 'organizations[primary=true].costCenter' },
  { azure: 'employeeOrgData.division', okta: 'profile.division' },
  { azure: 'companyName', okta: 'profile.organization', google: 'organizations[primary=true].name' },
  { azure: 'employeeId', okta: 'profile.employeeNumber', google: 'externalIds[type=organization].value' },
  { azure: 'mobilePhone', okta: 'profile.mobilePhone', google: 'phones[type=mobile].value' },
  { azure: 'businessPhones[0]', okta: 'profile.primaryPhone', google: 'phones[type=work].value' },
  { azure: 'city', okta: 'profile.city', google: 'addresses[primary=true].locality' },
  { azure: 'country', okta: 'profile.countryCode', google: 'addresses[primary=true].countryCode' },
  { azure: 'manager.displayName', okta: 'profile.manager', google: 'relations[type=manager].value' },
  { azure: 'preferredLanguage', okta: 'profile.preferredLanguage', google: 'languages[0].languageCode' },
];

/** What the path written for `from` is called in `to`; undefined when there is no close equivalent. */
export function equivalentIn(path: string, from: SourceType, to: SourceType): string | undefined {
  const strip = (p: string) => p.replace(/\[[^\]]*\]/g, '');
  const wanted = strip(path);
  return EQUIVALENT_ATTRIBUTES.find((e) => e[from] !== undefined && strip(e[from]) === wanted)?.[to];
}

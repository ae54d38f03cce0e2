/**
 * The LSP benchmark's config: `connectors` connectors of `mappings` mappings each, cycling through
 * azure→jira, okta→confluence and google→jira, with the variety a real file has (plain paths, nested
 * paths, selectors, function calls, string literals, pinned users, comments). Every connector is valid,
 * so the diagnostics a server publishes are the ones of a clean file.
 */

interface Flavour {
  source: string[];
  target: string[];
  match: string;
  /** Expressions to map, cycled; `manager.mail`-style paths come first so completion has a place to ask. */
  exprs: string[];
  /** Confluence profile fields (each at most once per connector), then properties. */
  profile: string[];
}

const AZURE_EXPRS = [
  'manager.mail',
  'department',
  'jobTitle',
  'employeeOrgData.costCenter',
  'employeeOrgData.division',
  'onPremisesExtensionAttributes.extensionAttribute1',
  'first(mobilePhone, businessPhones[0])',
  'officeLocation',
  'lower(mail)',
  'companyName',
  'city',
  'country',
  'employeeId',
  'join(", ", city, country)',
  'upper(usageLocation)',
  'preferredLanguage',
  'manager.displayName',
  'strip_domain(userPrincipalName)',
  'streetAddress',
  'postalCode',
  'state',
  'employeeType',
  'faxNumber',
  'onPremisesExtensionAttributes.extensionAttribute2',
  '"Contoso Ltd."',
];

const OKTA_EXPRS = [
  'profile.title',
  'profile.department',
  'join(", ", profile.city, profile.countryCode)',
  'first(profile.mobilePhone, profile.primaryPhone)',
  'profile.employeeNumber',
  'profile.division',
  'profile.costCenter',
  'profile.organization',
  'lower(profile.email)',
  'profile.manager',
  'profile.managerId',
  'profile.displayName',
  'profile.firstName',
  'profile.lastName',
  'profile.city',
  'profile.countryCode',
  'profile.preferredLanguage',
  'profile.locale',
  'profile.nickName',
  'profile.postalAddress',
  'upper(profile.countryCode)',
  'profile.honorificPrefix',
  'profile.middleName',
  'trim(profile.title)',
  '"Contoso"',
];

const GOOGLE_EXPRS = [
  'organizations[primary=true].title',
  'organizations[primary=true].department',
  'phones[type=work].value',
  'relations[type=manager].value',
  'name.fullName',
  'organizations[primary=true].costCenter',
  'addresses[type=work].locality',
  'addresses[type=work].countryCode',
  'externalIds[type=organization].value',
  'lower(primaryEmail)',
  'name.givenName',
  'name.familyName',
  'phones[type=mobile].value',
  'organizations[primary=true].location',
  'organizations[primary=true].name',
  'first(phones[type=mobile].value, phones[type=work].value)',
  'orgUnitPath',
  'addresses[type=work].formatted',
  'locations[0].buildingId',
  'locations[0].deskCode',
  'emails[primary=true].address',
  'join(" / ", organizations[primary=true].department, orgUnitPath)',
  'strip_domain(primaryEmail)',
  'addresses[type=work].country',
  '"Contoso"',
];

const q = JSON.stringify;

function flavour(i: number): Flavour {
  const n = String(i).padStart(3, '0');
  switch (i % 3) {
    case 0:
      return {
        source: [
          'source azure {',
          `  tenant        = "contoso${n}.onmicrosoft.com"`,
          `  client_id     = "5d2a0e7c-1b9f-4c1e-9a57-3f0c2b7d9${n}"`,
          '  client_secret = env("AZURE_CLIENT_SECRET")',
          `  filter        = "accountEnabled eq true and startswith(department, 'D${n}')"`,
          '}',
        ],
        target: ['target jira {', `  url   = "https://jira${n}.contoso.com"`, '  token = secret("jira-pat")', '}'],
        match: 'username = lower(userPrincipalName)',
        exprs: AZURE_EXPRS,
        profile: [],
      };
    case 1:
      return {
        source: [
          'source okta {',
          `  org_url = "https://contoso${n}.okta.com"`,
          '  token   = env("OKTA_API_TOKEN")',
          '}',
        ],
        target: [
          'target confluence {',
          `  url   = "https://wiki${n}.contoso.com"`,
          '  token = secret("wiki-pat")',
          '}',
        ],
        match: 'username = lower(profile.login)',
        exprs: OKTA_EXPRS,
        profile: ['position', 'department', 'location', 'phone'],
      };
    default:
      return {
        source: [
          'source google {',
          `  domain              = "contoso${n}.com"`,
          '  service_account_key = env("GOOGLE_KEY")',
          '  admin_email         = "admin@contoso.com"',
          '}',
        ],
        target: [
          'target jira {',
          `  url   = "https://jira${n}.contoso.com"`,
          '  token = secret("jira-pat")',
          '  store = properties',
          '}',
        ],
        match: 'username = lower(primaryEmail)',
        exprs: GOOGLE_EXPRS,
        profile: [],
      };
  }
}

function connectorLines(i: number, mappings: number): string[] {
  const f = flavour(i);
  const n = String(i).padStart(3, '0');
  const lines = [
    `# Division ${n}: ${f.source[0].split(' ')[1]} users into ${f.target[0].split(' ')[1]}.`,
    `# Owner: identity team; reviewed every quarter.`,
    `# Ticket: IAM-${1000 + i}`,
  ];
  lines.push(`connector division_${n} {`);
  lines.push(...f.source.map((l) => `  ${l}`), ...f.target.map((l) => `  ${l}`));
  lines.push(
    `  match ${f.match}`,
    `  schedule "${i % 60} */6 * * *"`,
    '  on_empty = keep',
    '  clear_guard = "10%"',
    '',
    '  # mappings',
  );
  for (let m = 0; m < mappings; m++) {
    if (m > 0 && m % 5 === 0) lines.push('', `  # group ${m / 5}`);
    const expr = f.exprs[m % f.exprs.length];
    const left = m < f.profile.length ? `map profile ${f.profile[m]}` : `map property ${q(`Field ${n} ${m}`)}`;
    lines.push(`  ${left} = ${expr}`);
  }
  lines.push('', '  # pinned for the first rollout');
  for (const who of ['alice', 'bob', 'carol', 'dave', 'erin']) lines.push(`  user "${who}.${n}@contoso.com"`);
  lines.push('}', '');
  return lines;
}

/** The `.usersync` text of the benchmark config. */
export function benchConfigText(connectors: number, mappings: number): string {
  const lines = ['# Generated by scripts/bench/lsp.ts: a large, valid configuration.', ''];
  for (let i = 0; i < connectors; i++) lines.push(...connectorLines(i, mappings));
  return lines.join('\n');
}

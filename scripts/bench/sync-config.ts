import { chmodSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Sandbox } from '../../server/src/sandbox/server';

/**
 * The sync benchmark's configs: one connector per IdP against a running sandbox, each with 8
 * mappings, all of them list-readable (no per-user GET is needed), one of them the `department`
 * the benchmark changes for 10% of the people. The shared secret is read from the environment.
 */

export type Idp = 'azure' | 'okta' | 'google';

export const TOKEN_ENV = 'USERSYNC_SANDBOX_TOKEN';

export interface IdpStrategy {
  connector: string;
  /** Users per IdP list page for this connector's reads (api-facts.md §1–§3, as the engine asks). */
  pageSize: number;
  /** Token requests a run needs (client credentials / JWT grant; Okta SSWS needs none). */
  tokens: number;
}

export const STRATEGY: Record<Idp, IdpStrategy> = {
  // $expand=manager caps Graph pages at 100 users even with $top=999 (api-facts §1 Manager).
  azure: { connector: 'bench_azure_jira', pageSize: 100, tokens: 1 },
  okta: { connector: 'bench_okta_confluence', pageSize: 200, tokens: 0 },
  google: { connector: 'bench_google_jira', pageSize: 500, tokens: 1 },
};

const q = JSON.stringify;
const TOKEN = `env(${q(TOKEN_ENV)})`;

function connectorText(sandbox: Sandbox, idp: Idp, keyFile: string): string[] {
  const { urls, credentials: c } = sandbox;
  const name = STRATEGY[idp].connector;
  const jira = ['  target jira {', `    url   = ${q(urls.jira)}`, `    token = ${TOKEN}`, '  }'];
  switch (idp) {
    case 'azure':
      return [
        `connector ${name} {`,
        '  source azure {',
        `    tenant        = ${q(c.azure.tenant)}`,
        `    client_id     = ${q(c.azure.clientId)}`,
        `    client_secret = ${TOKEN}`,
        `    filter        = "accountEnabled eq true"`,
        `    login_url     = ${q(urls.azureLogin)}`,
        `    graph_url     = ${q(urls.graph)}`,
        '  }',
        ...jira,
        '  match username = lower(mail)',
        '  map property "Department"  = department',
        '  map property "Cost Center" = employeeOrgData.costCenter',
        '  map property "Badge"       = onPremisesExtensionAttributes.extensionAttribute1',
        '  map property "Manager"     = manager.mail',
        '  map property "Phone"       = first(mobilePhone, businessPhones[0])',
        '  map property "Office"      = officeLocation',
        '  map property "Title"       = jobTitle',
        '  map property "City"        = city',
        '}',
      ];
    case 'okta':
      return [
        `connector ${name} {`,
        `  source okta { org_url = ${q(urls.okta)}  token = ${TOKEN} }`,
        `  target confluence { url = ${q(urls.confluence)}  token = ${TOKEN} }`,
        '  match username = lower(profile.login)',
        '  map profile position   = profile.title',
        '  map profile department = profile.department',
        '  map profile location   = join(", ", profile.city, profile.countryCode)',
        '  map profile phone      = first(profile.mobilePhone, profile.primaryPhone)',
        '  map property "Employee Number" = profile.employeeNumber',
        '  map property "Badge"           = profile.badgeNumber',
        '  map property "Division"        = profile.division',
        '  map property "Cost Center"     = profile.costCenter',
        '}',
      ];
    case 'google':
      return [
        `connector ${name} {`,
        '  source google {',
        `    customer            = ${q(c.google.customer)}`,
        `    service_account_key = file(${q(keyFile)})`,
        `    admin_email         = ${q(c.google.adminEmail)}`,
        `    api_url             = ${q(urls.googleApi)}`,
        `    token_url           = ${q(urls.googleToken)}`,
        '  }',
        ...jira,
        '  match username = lower(primaryEmail)',
        '  map property "Title"         = organizations[primary=true].title',
        '  map property "Department"    = organizations[primary=true].department',
        '  map property "Cost Center"   = organizations[primary=true].costCenter',
        '  map property "Work Phone"    = phones[type=work].value',
        '  map property "Manager Email" = relations[type=manager].value',
        '  map property "City"          = addresses[type=work].locality',
        '  map property "Employee ID"   = externalIds[type=organization].value',
        '  map property "Full Name"     = name.fullName',
        '}',
      ];
  }
}

/** Writes `<dir>/bench.usersync` (and the Google key beside it, mode 0600); returns the config path. */
export function writeBenchConfig(sandbox: Sandbox, idp: Idp, dir: string): string {
  const keyFile = 'bench.google-key.json';
  const keyPath = path.join(dir, keyFile);
  writeFileSync(keyPath, JSON.stringify(sandbox.credentials.google.serviceAccountKey), { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  const file = path.join(dir, 'bench.usersync');
  writeFileSync(file, [...connectorText(sandbox, idp, keyFile), ''].join('\n'));
  return file;
}

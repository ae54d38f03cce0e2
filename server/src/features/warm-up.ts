import { checkDocument } from '../check';
import { parseDocument } from '../parse';
import { complete } from './completion/complete';
import { hover } from './hover/hover';

/**
 * Runs the language core over a small document of each source type, so that V8 has compiled the
 * parser, the checks and completion before the first real document arrives: the first
 * open-to-diagnostics then costs what later ones cost. Returns the diagnostics found (none).
 */
const SOURCES = {
  azure: ['tenant = "t"', 'client_id = "c"', 'client_secret = env("S")'],
  okta: ['org_url = "https://example.okta.com"', 'token = env("T")'],
  google: ['service_account_key = file("k.json")', 'admin_email = "admin@example.com"'],
};
const PATHS = {
  azure: [
    'department',
    'manager.mail',
    'substring(onPremisesExtensionAttributes.extensionAttribute1, "0", "250")',
    'first(mobilePhone, businessPhones[0])',
  ],
  okta: ['profile.title', 'join(", ", profile.city, profile.countryCode)', 'lower(profile.login)'],
  google: ['organizations[primary=true].title', 'phones[type=work].value', 'relations[type=manager].value'],
};

export function warmUpText(): string {
  return Object.entries(SOURCES)
    .map(([type, settings], i) => {
      const paths = PATHS[type as keyof typeof PATHS];
      const maps = paths.map((p, j) => `  map property "P${j}" = ${p}`).join('\n');
      return [
        `connector warm_${type} {`,
        `  source ${type} {\n${settings.map((s) => `    ${s}`).join('\n')}\n  }`,
        `  target ${i === 1 ? 'confluence' : 'jira'} {\n    url = "https://atlassian.example.com"\n    token = env("J")\n  }`,
        `  match username = ${type === 'okta' ? 'profile.login' : type === 'azure' ? 'lower(userPrincipalName)' : 'primaryEmail'}`,
        `  schedule "0 */6 * * *"`,
        maps,
        `  user "someone@example.com"`,
        `}`,
      ].join('\n');
    })
    .join('\n\n');
}

export function warmUp(rounds = 20): number {
  const text = warmUpText();
  let found = 0;
  for (let i = 0; i < rounds; i++) {
    const { document, errors } = parseDocument(text, 'warm-up.usersync');
    found = checkDocument(document, errors).filter((d) => d.severity === 'error' || d.severity === 'warning').length;
    const at = text.indexOf('manager.') + 'manager.'.length;
    complete(document, at);
    hover(document, at - 2);
  }
  return found;
}

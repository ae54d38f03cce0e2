import type { SettingSpec } from './types';

/** Settings every source and target has: a private CA for the HTTPS connections (sync/http/agents.ts). */
export const CA_FILE: SettingSpec = {
  name: 'ca_file',
  kind: 'string',
  doc: 'Path of a PEM file with extra certificate authorities to trust (a company CA), added to the system ones. A relative path starts at the folder of this file.',
  placeholder: '"certs/company-ca.pem"',
};

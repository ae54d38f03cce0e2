import { CA_FILE } from './common';
import type { BlockSpec } from './types';

/** `source google`: the Admin SDK Directory API (api-facts.md §3). */
export const GOOGLE_SOURCE: BlockSpec = {
  role: 'source',
  type: 'google',
  title: 'Google Workspace',
  doc: 'Reads users from the Google Workspace Directory with a service account that has domain-wide delegation for `admin.directory.user.readonly`.',
  settings: [
    {
      name: 'customer',
      kind: 'string',
      doc: 'The customer whose users are read; `my_customer` is the account of `admin_email`. Set this or `domain`.',
      default: '"my_customer"',
      placeholder: '"my_customer"',
    },
    {
      name: 'domain',
      kind: 'string',
      doc: 'Read only the users of this domain, instead of the whole customer.',
      placeholder: '"contoso.com"',
    },
    {
      name: 'service_account_key',
      kind: 'file',
      required: true,
      doc: 'The JSON key file of the service account, written `file("…")` (or `env("…")` / `secret("…")` holding the JSON).',
      placeholder: 'file("keys/usersync-sa.json")',
      references: ['file', 'env', 'secret'],
      envName: 'GOOGLE_SERVICE_ACCOUNT_KEY',
    },
    {
      name: 'admin_email',
      kind: 'string',
      required: true,
      doc: 'The administrator the service account acts for (domain-wide delegation).',
      placeholder: '"admin@contoso.com"',
    },
    {
      name: 'query',
      kind: 'string',
      doc: 'A Directory search query for the users to read, e.g. `isSuspended=false orgUnitPath=/Staff`.',
      placeholder: '"isSuspended=false"',
    },
    {
      name: 'api_url',
      kind: 'url',
      doc: 'The Directory API endpoint.',
      default: '"https://admin.googleapis.com"',
      placeholder: '"https://admin.googleapis.com"',
    },
    {
      name: 'token_url',
      kind: 'url',
      doc: "The OAuth token endpoint; by default the key file's `token_uri`.",
      default: '"https://oauth2.googleapis.com/token"',
      placeholder: '"https://oauth2.googleapis.com/token"',
    },
    CA_FILE,
  ],
  oneOf: [
    {
      alternatives: [['customer'], ['domain']],
      required: false,
      doc: 'Users are read for a customer (default `my_customer`) or for one domain, not both.',
    },
  ],
};

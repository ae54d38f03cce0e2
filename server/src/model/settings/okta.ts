import { CA_FILE } from './common';
import type { BlockSpec } from './types';

/** `source okta`: the Okta Users API (api-facts.md §2 Auth). */
export const OKTA_SOURCE: BlockSpec = {
  role: 'source',
  type: 'okta',
  title: 'Okta',
  doc: 'Reads users from an Okta org through the Users API, with an API token (SSWS) or an OAuth service app (`okta.users.read`).',
  settings: [
    {
      name: 'org_url',
      kind: 'url',
      required: true,
      doc: 'The address of the Okta org, e.g. `https://contoso.okta.com`.',
      placeholder: '"https://contoso.okta.com"',
    },
    {
      name: 'token',
      kind: 'secret',
      doc: 'An Okta API token, sent as `Authorization: SSWS …`. Write it as `env("…")` or `secret("…")`.',
      placeholder: 'env("OKTA_API_TOKEN")',
      envName: 'OKTA_API_TOKEN',
    },
    {
      name: 'client_id',
      kind: 'string',
      doc: 'The client ID of an OAuth service app (with `private_key`), instead of an API token.',
      placeholder: '"0oa1b2c3d4e5f6g7h8i9"',
    },
    {
      name: 'private_key',
      kind: 'secret',
      doc: 'The private key (PEM or JWK) of the OAuth service app, signing its client assertion. Write it as `file("…")`, `env("…")` or `secret("…")`.',
      placeholder: 'file("keys/okta-service-app.pem")',
      envName: 'OKTA_PRIVATE_KEY',
    },
    {
      name: 'search',
      kind: 'string',
      doc: 'An Okta `search` expression for the users to read, e.g. `status eq "ACTIVE"`.',
      placeholder: '"status eq \\"ACTIVE\\""',
    },
    CA_FILE,
  ],
  oneOf: [
    {
      alternatives: [['token'], ['client_id', 'private_key']],
      required: true,
      doc: 'Sign in with an API token, or with an OAuth service app (`client_id` and `private_key`).',
    },
  ],
};

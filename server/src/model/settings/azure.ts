import { CA_FILE } from './common';
import type { BlockSpec } from './types';

/** `source azure`: Microsoft Entra ID through Microsoft Graph v1.0 (api-facts.md §1 Auth). */
export const AZURE_SOURCE: BlockSpec = {
  role: 'source',
  type: 'azure',
  title: 'Microsoft Entra ID',
  doc: 'Reads users from Microsoft Entra ID (Azure AD) through Microsoft Graph, signed in as an app registration with the application permission `User.Read.All`.',
  settings: [
    {
      name: 'tenant',
      kind: 'string',
      required: true,
      doc: 'The directory (tenant) ID or a verified domain of the tenant, e.g. `contoso.onmicrosoft.com`.',
      placeholder: '"contoso.onmicrosoft.com"',
    },
    {
      name: 'client_id',
      kind: 'string',
      required: true,
      doc: 'The application (client) ID of the app registration.',
      placeholder: '"00000000-0000-0000-0000-000000000000"',
    },
    {
      name: 'client_secret',
      kind: 'secret',
      doc: 'A client secret of the app registration. Write it as `env("…")` or `secret("…")`, never in the file.',
      placeholder: 'env("AZURE_CLIENT_SECRET")',
      envName: 'AZURE_CLIENT_SECRET',
    },
    {
      name: 'certificate',
      kind: 'file',
      doc: 'A PEM file with the private key and the certificate uploaded to the app registration, written `file("…")`: the sign-in uses a signed client assertion instead of a secret.',
      placeholder: 'file("certs/usersync.pem")',
      references: ['file', 'env', 'secret'],
      envName: 'AZURE_CERTIFICATE',
    },
    {
      name: 'filter',
      kind: 'string',
      doc: 'An OData `$filter` for the users to read, e.g. `accountEnabled eq true`.',
      placeholder: '"accountEnabled eq true"',
    },
    {
      name: 'graph_url',
      kind: 'url',
      doc: 'The Microsoft Graph endpoint; change it only for a national cloud, e.g. `https://graph.microsoft.us`.',
      default: '"https://graph.microsoft.com"',
      placeholder: '"https://graph.microsoft.com"',
    },
    {
      name: 'login_url',
      kind: 'url',
      doc: 'The sign-in endpoint; change it only for a national cloud, e.g. `https://login.microsoftonline.us`.',
      default: '"https://login.microsoftonline.com"',
      placeholder: '"https://login.microsoftonline.com"',
    },
    CA_FILE,
  ],
  oneOf: [
    {
      alternatives: [['client_secret'], ['certificate']],
      required: true,
      doc: 'The app signs in with either a client secret or a certificate.',
    },
  ],
};

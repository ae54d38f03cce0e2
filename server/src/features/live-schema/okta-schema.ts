import { clientFactory, required, trimSlash } from '../../sync/sources/source-options';
import { oktaAuth } from '../../sync/sources/okta-auth';
import type { LiveAttribute, SchemaFetcher } from './types';

interface OktaProperty {
  title?: string;
  description?: string;
  type?: string;
  items?: { type?: string };
  maxLength?: number;
}

/**
 * Okta custom profile attributes (api-facts.md §2 "Custom attributes"): GET {org_url}/api/v1/meta/schemas/user/default,
 * `definitions.custom.properties`; each becomes `profile.<name>`. An OAuth service app needs okta.schemas.read.
 */
export const fetchOktaSchema: SchemaFetcher = async (settings, io) => {
  const orgUrl = trimSlash(required(settings, 'org_url', 'source okta'));
  const makeClient = clientFactory(settings, io);
  const client = makeClient(orgUrl, oktaAuth(settings, orgUrl, makeClient));
  try {
    const schema = await client.getJson<{ definitions?: { custom?: { properties?: Record<string, OktaProperty> } } }>(
      '/api/v1/meta/schemas/user/default',
      undefined,
      io.signal,
    );
    const props = schema?.definitions?.custom?.properties ?? {};
    return Object.entries(props).map(([name, p]): LiveAttribute => {
      const lines = [p.title, p.description, p.maxLength ? `Max length: ${p.maxLength}` : undefined].filter(Boolean);
      return {
        path: `profile.${name}`,
        type: p.type === 'array' ? (p.items?.type ?? 'string') : (p.type ?? 'string'),
        isCollection: p.type === 'array',
        description: lines.join('\n\n') || undefined,
      };
    });
  } finally {
    client.close();
  }
};

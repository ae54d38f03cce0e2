import { azureAuth } from '../../sync/sources/azure-auth';
import { clientFactory, trimSlash } from '../../sync/sources/source-options';
import type { LiveAttribute, SchemaFetcher } from './types';

const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';

interface ExtensionProperty {
  name?: string;
  dataType?: string;
  isMultiValued?: boolean;
  targetObjects?: string[];
  appDisplayName?: string;
  isSyncedFromOnPremises?: boolean;
}

/**
 * Graph directory extensions (api-facts.md §1 "Directory extensions"): POST {graph_url}/v1.0/directoryObjects/
 * getAvailableExtensionProperties; the ones that target User become `extension_<appid>_<name>` paths.
 */
export const fetchGraphSchema: SchemaFetcher = async (settings, io) => {
  const graphUrl = trimSlash(settings.graph_url?.trim() || DEFAULT_GRAPH_URL);
  const makeClient = clientFactory(settings, io);
  const client = makeClient(graphUrl, azureAuth(settings, graphUrl, makeClient));
  try {
    const res = await client.request<{ value?: ExtensionProperty[] }>({
      method: 'POST',
      url: '/v1.0/directoryObjects/getAvailableExtensionProperties',
      json: {},
      signal: io.signal,
    });
    return (res.data?.value ?? [])
      .filter((p) => typeof p.name === 'string' && (p.targetObjects ?? ['User']).includes('User'))
      .map((p): LiveAttribute => {
        const origin = p.isSyncedFromOnPremises
          ? 'synced from on-premises AD'
          : p.appDisplayName
            ? `registered by ${p.appDisplayName}`
            : 'directory extension';
        return {
          path: p.name as string,
          type: p.dataType ?? 'String',
          isCollection: p.isMultiValued === true,
          description: `Directory extension (${origin}); read with $select.`,
        };
      });
  } finally {
    client.close();
  }
};

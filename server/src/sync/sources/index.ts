import type { RunnableConnector, SourceReader } from '../types';
import { createAzureSource } from './azure';
import { createGoogleSource } from './google';
import { createOktaSource } from './okta';
import type { IoOptions } from './source-options';

export type { IoOptions } from './source-options';
export { attributesUsed } from './attributes-used';

/** The reader for the connector's source type. Throws a one-line Error when a required setting is missing. */
export function createSource(connector: RunnableConnector, opts: IoOptions): SourceReader {
  switch (connector.source.type) {
    case 'azure':
      return createAzureSource(connector, opts);
    case 'okta':
      return createOktaSource(connector, opts);
    case 'google':
      return createGoogleSource(connector, opts);
    default:
      throw new Error(`unknown source type "${String(connector.source.type)}"`);
  }
}

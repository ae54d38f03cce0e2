import type { RunnableConnector, TargetWriter } from '../types';
import type { IoOptions } from '../sources/source-options';
import { createCompanionTarget } from './companion';
import { createJiraEntityTarget } from './jira-entity';

export type { IoOptions } from '../sources/source-options';

/**
 * The writer for the connector's target: the companion endpoint for Confluence and for Jira with
 * `store = properties` (the default), Jira's REST entity properties for `store = entity`.
 */
export function createTarget(connector: RunnableConnector, opts: IoOptions): TargetWriter {
  const { type, settings } = connector.target;
  const store = settings.store?.trim() || 'properties';
  if (type === 'jira' && store === 'entity') return createJiraEntityTarget(connector, opts);
  if (type === 'jira' && store !== 'properties')
    throw new Error(`target jira: store must be properties or entity, not "${store}"`);
  if (type !== 'jira' && type !== 'confluence') throw new Error(`unknown target type "${String(type)}"`);
  return createCompanionTarget(connector, opts);
}

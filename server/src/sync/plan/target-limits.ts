import type { RunnableConnector } from '../types';
import { CONFLUENCE_PROFILE_FIELDS } from '../../model/model';
import type { ChangeKind, PlanWarningCode } from './plan-types';

/**
 * What each target does with a value, decided before writing (api-facts §4, §5):
 * Jira admin-UI User Properties reject values over 250 chars (skip the key, warn); `store = entity`
 * takes JSON up to 32,768 bytes; Confluence profile fields silently cut at 255 (send the cut value, warn).
 */

export type LimitVerdict =
  | { action: 'write'; value: string; warning?: { code: PlanWarningCode; message: string } }
  | { action: 'skip'; warning: { code: PlanWarningCode; message: string } };

export const JIRA_PROPERTY_MAX = 250;
export const JIRA_ENTITY_MAX_BYTES = 32_768;
export const CONFLUENCE_PROFILE_MAX = 255;

/** Whether the connector's target can hold this mapping at all; a reason when not. */
export function unsupportedMapping(connector: RunnableConnector, kind: ChangeKind, key: string): string | undefined {
  if (connector.target.type === 'jira' && kind === 'profile') {
    return `Jira has no profile fields; map profile ${key} is ignored`;
  }
  if (connector.target.type === 'confluence' && kind === 'profile') {
    if (!(CONFLUENCE_PROFILE_FIELDS as readonly string[]).includes(key)) {
      return `Confluence has no profile field '${key}' (${CONFLUENCE_PROFILE_FIELDS.join(', ')}); the mapping is ignored`;
    }
  }
  return undefined;
}

export function applyLimits(connector: RunnableConnector, kind: ChangeKind, key: string, value: string): LimitVerdict {
  if (connector.target.type === 'jira' && kind === 'property') {
    if (connector.target.settings.store === 'entity') {
      const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
      if (bytes > JIRA_ENTITY_MAX_BYTES) {
        return skip(`value is ${bytes} bytes as JSON; Jira entity properties take at most ${JIRA_ENTITY_MAX_BYTES}`);
      }
    } else if (value.length > JIRA_PROPERTY_MAX) {
      return skip(`value is ${value.length} characters; Jira rejects user property values over ${JIRA_PROPERTY_MAX}`);
    }
  }
  if (connector.target.type === 'confluence' && kind === 'profile' && value.length > CONFLUENCE_PROFILE_MAX) {
    return {
      action: 'write',
      value: cutAt(value, CONFLUENCE_PROFILE_MAX),
      warning: {
        code: 'value-cut',
        message: `value is ${value.length} characters; Confluence keeps the first ${CONFLUENCE_PROFILE_MAX}`,
      },
    };
  }
  return { action: 'write', value };
}

/** The first `max` UTF-16 units, one fewer when the cut would split a surrogate pair (half an emoji). */
export function cutAt(value: string, max: number): string {
  if (value.length <= max) return value;
  const last = value.charCodeAt(max - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function skip(message: string): LimitVerdict {
  return { action: 'skip', warning: { code: 'value-rejected', message: `${message}; key skipped` } };
}

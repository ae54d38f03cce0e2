import type { TargetType } from './model';
import { CONFLUENCE_PROFILE_FIELDS } from './model';

/**
 * What each target accepts in `map` lines (api-facts.md §4 Jira, §5 Confluence):
 * - Jira: `map property` only. Admin-UI User Properties (`store = properties`, the default) take keys of
 *   letters, digits and spaces up to 200 characters and non-blank values up to 250 characters (the
 *   EditUserProperty action rejects longer ones). REST entity properties (`store = entity`) take keys up to
 *   255 bytes and JSON values up to 32,768 bytes.
 * - Confluence: `map profile` for exactly phone, im, website, position, department, location (values are
 *   silently cut at 255 characters, a blank value removes the field), and `map property`.
 */

export type MapTarget = 'property' | 'profile';
export const MAP_TARGETS: readonly MapTarget[] = ['property', 'profile'];
export type JiraStore = 'properties' | 'entity';

export const JIRA_PROPERTY_KEY = /^[A-Za-z0-9 ]+$/;
export const JIRA_PROPERTY_KEY_MAX = 200;
export const JIRA_PROPERTY_VALUE_MAX = 250;
export const JIRA_ENTITY_KEY_MAX_BYTES = 255;
export const JIRA_ENTITY_VALUE_MAX_BYTES = 32_768;
export const CONFLUENCE_PROFILE_MAX = 255;

export interface ValueLimit {
  /** Longest value the target keeps. */
  max: number;
  unit: 'characters' | 'bytes';
  /** 'reject': the write fails (Jira); 'cut': the target keeps the first `max` (Confluence). */
  over: 'reject' | 'cut';
  /** Where the limit comes from, for messages: "Jira user properties". */
  what: string;
}

/** The `map` words a target takes: Jira `property`; Confluence `profile` and `property`. */
export function mapTargetsOf(target: TargetType): readonly MapTarget[] {
  return target === 'jira' ? ['property'] : ['profile', 'property'];
}

/** Confluence profile fields; Jira has none. */
export function profileFieldsOf(target: TargetType): readonly string[] {
  return target === 'confluence' ? CONFLUENCE_PROFILE_FIELDS : [];
}

export function isProfileField(target: TargetType, key: string): boolean {
  return profileFieldsOf(target).includes(key);
}

/** Why a property key cannot be used with this target, or undefined when it can. */
export function propertyKeyProblem(
  target: TargetType,
  key: string,
  store: JiraStore = 'properties',
): string | undefined {
  if (key.trim() === '') return 'a property key cannot be empty';
  if (target === 'jira' && store === 'entity') {
    const bytes = Buffer.byteLength(key, 'utf8');
    return bytes > JIRA_ENTITY_KEY_MAX_BYTES
      ? `Jira entity property keys are at most ${JIRA_ENTITY_KEY_MAX_BYTES} bytes; this one is ${bytes}`
      : undefined;
  }
  // Confluence user properties go through the companion under Jira's rules (docs/companion.md).
  const what = target === 'jira' ? 'Jira user property keys' : 'Confluence user property keys (kept by the companion)';
  if (!JIRA_PROPERTY_KEY.test(key)) return `${what} may contain only letters, digits and spaces`;
  if (key.length > JIRA_PROPERTY_KEY_MAX) {
    return `${what} are at most ${JIRA_PROPERTY_KEY_MAX} characters; this one has ${key.length}`;
  }
  return undefined;
}

/** A key Jira accepts made from one it rejects: other characters become spaces, cut at 200. */
export function sanitizePropertyKey(key: string): string {
  return key
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, JIRA_PROPERTY_KEY_MAX)
    .trim();
}

/** The longest value a mapping may write, or undefined when the target sets no limit. */
export function valueLimit(
  target: TargetType,
  kind: MapTarget,
  store: JiraStore = 'properties',
): ValueLimit | undefined {
  if (target === 'jira' && kind === 'property') {
    return store === 'entity'
      ? { max: JIRA_ENTITY_VALUE_MAX_BYTES, unit: 'bytes', over: 'reject', what: 'Jira entity properties' }
      : { max: JIRA_PROPERTY_VALUE_MAX, unit: 'characters', over: 'reject', what: 'Jira user properties' };
  }
  if (target === 'confluence' && kind === 'profile') {
    return { max: CONFLUENCE_PROFILE_MAX, unit: 'characters', over: 'cut', what: 'Confluence profile fields' };
  }
  // The companion keeps Confluence user properties under Jira's rules (docs/companion.md).
  return { max: JIRA_PROPERTY_VALUE_MAX, unit: 'characters', over: 'reject', what: 'Confluence user properties' };
}

/** The size of a value in the limit's unit (entity values are stored as a JSON string). */
export function valueSize(value: string, limit: ValueLimit): number {
  return limit.unit === 'bytes' ? Buffer.byteLength(JSON.stringify(value), 'utf8') : value.length;
}

/** Words people use for a Confluence profile field: `map profile title` → position. */
export const PROFILE_FIELD_SYNONYMS: Readonly<Record<string, string>> = {
  title: 'position',
  jobtitle: 'position',
  job: 'position',
  role: 'position',
  dept: 'department',
  mobile: 'phone',
  telephone: 'phone',
  tel: 'phone',
  phonenumber: 'phone',
  city: 'location',
  office: 'location',
  officelocation: 'location',
  url: 'website',
  homepage: 'website',
  web: 'website',
  chat: 'im',
};

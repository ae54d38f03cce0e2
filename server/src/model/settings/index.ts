import type { SourceType, TargetType } from '../model';
import { AZURE_SOURCE } from './azure';
import { CONFLUENCE_TARGET } from './confluence';
import { GOOGLE_SOURCE } from './google';
import { JIRA_TARGET } from './jira';
import { OKTA_SOURCE } from './okta';
import type { BlockSpec, SettingSpec } from './types';

export type { BlockSpec, OneOfGroup, SettingKind, SettingSpec } from './types';
export { allowedReferences } from './types';
export { CONNECTOR_OPTIONS, optionSpec } from './options';
export { DEFAULT_COMPANION_PATH } from './companion';

export const SOURCE_SPECS: Readonly<Record<SourceType, BlockSpec>> = {
  azure: AZURE_SOURCE,
  okta: OKTA_SOURCE,
  google: GOOGLE_SOURCE,
};
export const TARGET_SPECS: Readonly<Record<TargetType, BlockSpec>> = {
  jira: JIRA_TARGET,
  confluence: CONFLUENCE_TARGET,
};
export const BLOCK_SPECS: readonly BlockSpec[] = [...Object.values(SOURCE_SPECS), ...Object.values(TARGET_SPECS)];

/** The spec of `source <type>` / `target <type>`; undefined for a type usersync does not know. */
export function blockSpec(role: 'source' | 'target', type: string): BlockSpec | undefined {
  return BLOCK_SPECS.find((b) => b.role === role && b.type === type);
}

export function settingSpec(block: BlockSpec, key: string): SettingSpec | undefined {
  return block.settings.find((s) => s.name === key);
}

/** The other blocks that have a setting of this name ("org_url belongs to source okta"). */
export function blocksWithSetting(key: string, except?: BlockSpec): BlockSpec[] {
  return BLOCK_SPECS.filter((b) => b !== except && b.settings.some((s) => s.name === key));
}

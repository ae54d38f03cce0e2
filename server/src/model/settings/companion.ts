import type { SettingSpec } from './types';

/** The companion endpoint both targets speak to (ScriptRunner REST endpoint in production). */
export const DEFAULT_COMPANION_PATH = '/rest/scriptrunner/latest/custom/usersync';

export function companionPathSetting(product: string): SettingSpec {
  return {
    name: 'companion_path',
    kind: 'string',
    doc: `Where the usersync companion endpoint is mounted in ${product}, after \`url\`.`,
    default: `"${DEFAULT_COMPANION_PATH}"`,
    placeholder: `"${DEFAULT_COMPANION_PATH}"`,
  };
}

export function productUrlSetting(product: string, example: string): SettingSpec {
  return {
    name: 'url',
    kind: 'url',
    required: true,
    doc: `The base URL of ${product}, as users open it, e.g. \`${example}\`.`,
    placeholder: `"${example}"`,
  };
}

export function patSetting(product: string, envName: string): SettingSpec {
  return {
    name: 'token',
    kind: 'secret',
    required: true,
    doc: `A personal access token of a ${product} administrator, sent as \`Authorization: Bearer …\`. Write it as \`env("…")\` or \`secret("…")\`.`,
    placeholder: `env("${envName}")`,
    envName,
  };
}

import type { ParseResult } from './model/model';
import { parseUsersync } from './syntax/parse-usersync';
import { parseYaml } from './yaml/parse-yaml';

/** True for the YAML form of a usersync document. */
export function isYamlUri(uri: string): boolean {
  return /\.usersync\.ya?ml$/i.test(uri) || /\.ya?ml$/i.test(uri);
}

/** Text → model, whichever form the uri names. Never throws. */
export function parseDocument(text: string, uri: string): ParseResult {
  return isYamlUri(uri) ? parseYaml(text, uri) : parseUsersync(text, uri);
}

import type { ParseResult } from './model/model';
import { parseUsersync } from './syntax/parse-usersync';
import { parseYaml, type YamlPart } from './yaml/parse-yaml';

/** True for the YAML form of a usersync document. */
export function isYamlUri(uri: string): boolean {
  return /\.usersync\.ya?ml$/i.test(uri) || /\.ya?ml$/i.test(uri);
}

/**
 * Text → model, whichever form the uri names. Never throws. `part` matters to the YAML form only: a
 * piece of a document that holds only more connectors (yaml/parse-yaml.ts).
 */
export function parseDocument(text: string, uri: string, part: YamlPart = 'document'): ParseResult {
  return isYamlUri(uri) ? parseYaml(text, uri, part) : parseUsersync(text, uri);
}

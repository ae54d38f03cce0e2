import type { ValueReference } from '../functions/references';

/**
 * What a source or target block (or a connector) accepts: one SettingSpec per key. Checks, completion
 * and hover read these; the engine reads the values.
 */

/**
 * - string: a quoted string
 * - url: an http(s) URL in quotes
 * - secret: a credential; write it as env("…") or secret("…"), a literal is warned about
 * - enum: one of `values`, bare or quoted
 * - file: the contents of a file, written file("path") (or a reference in `references`)
 */
export type SettingKind = 'string' | 'url' | 'secret' | 'enum' | 'file';

export interface SettingSpec {
  name: string;
  kind: SettingKind;
  /** Markdown, one short paragraph. */
  doc: string;
  /** Required on its own. Settings that are required as one of several ways sit in a OneOfGroup instead. */
  required?: boolean;
  /** The allowed words of an enum. */
  values?: readonly string[];
  /** The value used when the setting is left out, as the user would write it. */
  default?: string;
  /** What a quick fix inserts for a missing setting, as `.usersync` value text: `"https://jira.example.com"`, `env("JIRA_TOKEN")`. */
  placeholder: string;
  /** The references the value may be written with. Default: env, secret and file; kind 'file' default: file only. */
  references?: readonly ValueReference[];
  /** For kind 'secret': the environment variable a literal is best moved to. */
  envName?: string;
}

/**
 * Alternatives of which exactly one is used (`client_secret` | `certificate`; `token` | `client_id` +
 * `private_key`). Each alternative is the list of settings that go together.
 */
export interface OneOfGroup {
  alternatives: readonly (readonly string[])[];
  /** When true one alternative must be present; when false the group only forbids mixing them. */
  required: boolean;
  /** Markdown: how to choose. */
  doc: string;
}

export interface BlockSpec {
  role: 'source' | 'target';
  type: string;
  /** The product's name: "Microsoft Entra ID", "Jira Data Center". */
  title: string;
  doc: string;
  settings: readonly SettingSpec[];
  oneOf: readonly OneOfGroup[];
}

/** How a reference may be written for a setting (file settings take file(...) only unless they say otherwise). */
export function allowedReferences(spec: SettingSpec): readonly ValueReference[] {
  if (spec.references) return spec.references;
  return spec.kind === 'file' ? ['file'] : ['env', 'secret', 'file'];
}

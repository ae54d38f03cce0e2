import type { Severity } from './diagnostic';

/**
 * Every diagnostic code of the language core, with its severity and one line for the docs
 * (docs/language.md renders this table). Codes are stable: editors, CI logs and suppressions rely on them.
 * A check reports through `report()` (report.ts), which takes the severity from here.
 */
export interface CodeInfo {
  code: string;
  severity: Severity;
  /** What the check finds, in one sentence. */
  summary: string;
  /** The group the docs list it under. */
  area: CheckArea;
}

export type CheckArea =
  | 'syntax'
  | 'connectors'
  | 'blocks'
  | 'secrets'
  | 'references'
  | 'attributes'
  | 'functions'
  | 'mappings'
  | 'match'
  | 'schedule'
  | 'options'
  | 'users';

function code<C extends string>(code: C, severity: Severity, area: CheckArea, summary: string) {
  return { code, severity, area, summary } as const;
}

export const CODES = [
  code(
    'syntax-error',
    'error',
    'syntax',
    'The text does not follow the grammar: the message says what was expected and what was found.',
  ),
  code('unexpected-character', 'error', 'syntax', 'A character that cannot start any token.'),
  code(
    'nesting-too-deep',
    'error',
    'syntax',
    'Calls nested more than 64 deep; the call that goes too deep is left out.',
  ),
  code('unterminated-string', 'error', 'syntax', 'A string that is not closed before the end of the line.'),
  code(
    'too-many-errors',
    'error',
    'syntax',
    'A thousand syntax errors: the text after the thousandth is not read until they are fixed.',
  ),
  code('internal-error', 'error', 'syntax', 'A check failed on this connector; please report it with the file.'),
  code('missing-value', 'error', 'syntax', 'A setting, option, match or map line without a value after `=`.'),
  code('yaml-syntax', 'error', 'syntax', 'The YAML form is not valid YAML.'),
  code('yaml-unknown-key', 'error', 'syntax', 'A key the YAML form does not have at that level.'),
  code('yaml-wrong-type', 'error', 'syntax', 'A list, map or scalar where the YAML form expects another kind of node.'),
  code('yaml-missing-type', 'error', 'syntax', 'A `source` or `target` map in the YAML form without its `type`.'),
  code('yaml-duplicate-key', 'error', 'syntax', 'The same key twice in one YAML map.'),
  code(
    'cannot-convert',
    'error',
    'syntax',
    'A name that the other form cannot spell, so `usersync convert` refuses it.',
  ),

  code('no-connector', 'error', 'connectors', 'A file that declares no connector (empty, or only comments).'),
  code('missing-connector-name', 'error', 'connectors', '`connector` without a name.'),
  code('duplicate-connector', 'error', 'connectors', 'Two connectors with the same name.'),
  code('missing-source', 'error', 'connectors', 'A connector without a `source` block.'),
  code('missing-target', 'error', 'connectors', 'A connector without a `target` block.'),
  code('missing-match', 'error', 'connectors', 'A connector without `match username = …`.'),
  code('duplicate-source', 'error', 'connectors', 'A second `source` block in one connector.'),
  code('duplicate-target', 'error', 'connectors', 'A second `target` block in one connector.'),
  code('duplicate-match', 'error', 'connectors', 'A second `match` line in one connector.'),
  code('duplicate-schedule', 'error', 'connectors', 'A second `schedule` line in one connector.'),
  code('no-mappings', 'warning', 'connectors', 'A connector without any `map` line: its runs change nothing.'),

  code('unknown-source-type', 'error', 'blocks', 'A source type other than azure, okta or google.'),
  code('unknown-target-type', 'error', 'blocks', 'A target type other than jira or confluence.'),
  code(
    'unknown-setting',
    'error',
    'blocks',
    'A setting the block does not have (says which block has it, if another does).',
  ),
  code('missing-setting', 'error', 'blocks', 'A required setting is left out.'),
  code('duplicate-setting', 'error', 'blocks', 'The same setting twice in one block.'),
  code(
    'conflicting-settings',
    'error',
    'blocks',
    'Settings that exclude each other, e.g. client_secret and certificate.',
  ),
  code(
    'invalid-enum-value',
    'error',
    'blocks',
    'A value outside the allowed words, e.g. `store = properties | entity`, `on_empty = keep | clear`.',
  ),
  code('invalid-url', 'error', 'blocks', 'A URL setting whose value is not an http(s) URL.'),
  code(
    'insecure-url',
    'warning',
    'blocks',
    'An http:// URL to a host other than this machine: the token would travel unencrypted.',
  ),
  code(
    'expected-file',
    'error',
    'blocks',
    'A setting that takes the contents of a file, given a plain string: write `file("…")`.',
  ),
  code(
    'expected-string',
    'error',
    'blocks',
    'A setting or option given an attribute path or a function call instead of a value.',
  ),
  code('empty-value', 'error', 'blocks', 'A setting whose value is an empty string.'),

  code(
    'literal-secret',
    'warning',
    'secrets',
    'A credential written into the file: move it to `env("…")` or `secret("…")`.',
  ),

  code('reference-arguments', 'error', 'references', '`env`, `secret` and `file` take exactly one non-empty string.'),
  code('invalid-env-name', 'error', 'references', 'An environment variable name that is not `[A-Z_][A-Z0-9_]*`.'),
  code(
    'misplaced-reference',
    'error',
    'references',
    '`env`, `secret` or `file` outside a setting value (in a mapping, match or option).',
  ),

  code('unknown-attribute', 'error', 'attributes', "A path that is not an attribute of the connector's IdP."),
  code(
    'attribute-of-other-idp',
    'error',
    'attributes',
    'A path of another IdP, e.g. `profile.login` (Okta) in a connector that reads azure.',
  ),
  code(
    'custom-attribute',
    'hint',
    'attributes',
    'A name outside the IdP schema that fits its custom attributes (directory extension, Okta profile, Google custom schema).',
  ),
  code(
    'unknown-custom-attribute',
    'warning',
    'attributes',
    'A custom attribute that the IdP did not list among its custom attributes.',
  ),
  code('index-on-single-value', 'error', 'attributes', '`[0]` or `[key=value]` on an attribute that holds one value.'),
  code(
    'multi-value-without-index',
    'warning',
    'attributes',
    'A multi-valued attribute read without `[0]` or a selector: the first value is used.',
  ),
  code(
    'per-user-attribute',
    'warning',
    'attributes',
    'A Graph attribute the user list does not return: one extra request per user.',
  ),
  code('object-value', 'error', 'attributes', 'A path that ends at an object instead of a value.'),
  code(
    'unsupported-navigation',
    'error',
    'attributes',
    'A Graph navigation property usersync does not read (only `manager`).',
  ),
  code(
    'unknown-selector-key',
    'error',
    'attributes',
    'A `[key=value]` selector whose key is not a field of the elements.',
  ),
  code(
    'selector-value-not-boolean',
    'error',
    'attributes',
    'A selector on a true/false field with another value, e.g. `[primary=yes]`.',
  ),

  code('unknown-function', 'error', 'functions', 'A call of a function that does not exist.'),
  code('argument-count', 'error', 'functions', 'Too few or too many arguments for a function.'),
  code(
    'invalid-argument',
    'error',
    'functions',
    'An argument the function cannot use, e.g. a regular expression that does not compile.',
  ),

  code('unknown-map-target', 'error', 'mappings', '`map` followed by a word other than `property` or `profile`.'),
  code('map-target-not-supported', 'error', 'mappings', '`map profile` for Jira, which has user properties only.'),
  code(
    'unknown-profile-field',
    'error',
    'mappings',
    'A Confluence profile field other than phone, im, website, position, department, location.',
  ),
  code(
    'invalid-property-key',
    'error',
    'mappings',
    'A property key the target rejects (Jira: letters, digits and spaces, at most 200).',
  ),
  code('duplicate-mapping', 'error', 'mappings', 'Two map lines that write the same key.'),
  code(
    'shared-target-key',
    'information',
    'mappings',
    'Two connectors, of one file or of two files checked together, write the same key to the same Jira or Confluence: where they read the same people, each run undoes the other.',
  ),
  code(
    'value-too-long',
    'error',
    'mappings',
    'A constant longer than the target keeps (Jira properties 250, Confluence profile 255).',
  ),
  code('value-may-be-too-long', 'warning', 'mappings', 'A source attribute that may hold more than the target keeps.'),
  code(
    'empty-constant',
    'warning',
    'mappings',
    'A mapping to the empty string: it never writes a value, and under `on_empty = clear` it removes the key from every user.',
  ),

  code('invalid-match-field', 'error', 'match', '`match` on a field other than `username`.'),
  code(
    'match-multi-value',
    'error',
    'match',
    'A match on a multi-valued attribute without an index: it must give one string per user.',
  ),
  code('constant-match', 'error', 'match', 'A match that gives the same string for every user.'),

  code(
    'invalid-cron',
    'error',
    'schedule',
    'A schedule that is not a 5- or 6-field cron expression; the message names the wrong field.',
  ),
  code('cron-never-runs', 'error', 'schedule', 'A valid cron expression that never fires, e.g. `0 0 31 2 *`.'),
  code('frequent-schedule', 'warning', 'schedule', 'A schedule that fires more than once a minute.'),

  code('unknown-option', 'error', 'options', 'A connector option other than on_empty and clear_guard.'),
  code('duplicate-option', 'error', 'options', 'The same connector option twice.'),
  code('invalid-clear-guard', 'error', 'options', 'clear_guard that is not a percentage from "0%" to "100%".'),

  code('empty-user', 'error', 'users', '`user ""`: a pinned user without a login.'),
  code('duplicate-user', 'warning', 'users', 'The same pinned user twice (logins compare without case).'),
] as const satisfies readonly CodeInfo[];

export type Code = (typeof CODES)[number]['code'];

const BY_CODE = new Map<string, CodeInfo>(CODES.map((c) => [c.code, c]));

/** The table row of a code; undefined for codes of other stages (e.g. a YAML structure error). */
export function codeInfo(code: string): CodeInfo | undefined {
  return BY_CODE.get(code);
}

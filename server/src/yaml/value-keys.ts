import { VALUE_REFERENCES } from '../model/functions/references';
import { BLOCK_SPECS, CONNECTOR_OPTIONS } from '../model/settings';

/**
 * How settings and connector options are written in the YAML form. Most values are text
 * (`tenant: contoso.onmicrosoft.com`); value references are one-key mappings
 * (`client_secret: { env: AZURE_CLIENT_SECRET }`); any other expression is `{ expr: '...' }`.
 */

/**
 * Settings whose value is a word (the enum settings: `on_empty`, `store`), read as an expression so
 * that `on_empty: keep` is the bare word `keep`, as in `.usersync`; `'"keep"'` is the quoted string.
 */
export const KEYWORD_VALUED_KEYS: ReadonlySet<string> = new Set(
  [...CONNECTOR_OPTIONS, ...BLOCK_SPECS.flatMap((b) => b.settings)].filter((s) => s.kind === 'enum').map((s) => s.name),
);

/** Value references, written as `{ name: argument }` in setting values. */
export const VALUE_FUNCTIONS: ReadonlySet<string> = new Set(VALUE_REFERENCES);

/** The escape for any other expression in a setting value: `{ expr: 'lower("X")' }`. */
export const EXPR_KEY = 'expr';

/** Connector keys with a structure of their own; every other key is a connector option. */
export const CONNECTOR_KEYS: ReadonlySet<string> = new Set(['source', 'target', 'match', 'schedule', 'map', 'users']);

/** The key naming a block's type; it cannot also be a setting. */
export const TYPE_KEY = 'type';

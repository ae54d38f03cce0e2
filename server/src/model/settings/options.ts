import type { SettingSpec } from './types';

/** Connector-level options: `on_empty = keep` next to `match`, `map` and `schedule`. */
export const CONNECTOR_OPTIONS: readonly SettingSpec[] = [
  {
    name: 'on_empty',
    kind: 'enum',
    values: ['keep', 'clear'],
    doc: 'What happens to a target value when the source has none for a user: `keep` (default) leaves it as it is, `clear` removes it.',
    default: 'keep',
    placeholder: 'keep',
  },
  {
    name: 'clear_guard',
    kind: 'string',
    doc: 'A run stops before writing when it would clear more than this share of the values it manages, e.g. `"10%"` (default). `"100%"` turns the guard off.',
    default: '"10%"',
    placeholder: '"10%"',
  },
];

export function optionSpec(name: string): SettingSpec | undefined {
  return CONNECTOR_OPTIONS.find((o) => o.name === name);
}

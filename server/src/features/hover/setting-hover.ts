import { blockSpec, optionSpec, settingSpec, type SettingSpec } from '../../model/settings';
import type { Span } from '../../text/span';
import type { HoverResult } from './types';

/** Hover on a setting key in a source/target block, or on a connector option. */
export function settingHover(
  role: 'source' | 'target' | undefined,
  type: string,
  key: string,
  span: Span,
): HoverResult | undefined {
  const spec = role ? settingOf(role, type, key) : optionSpec(key);
  if (!spec) return undefined;
  const lines = [`**${spec.name}** — ${spec.required ? 'required' : 'optional'} ${spec.kind}`, '', spec.doc];
  if (spec.values?.length) lines.push('', `Values: ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
  if (spec.default) lines.push('', `Default: \`${spec.default}\``);
  return { markdown: lines.join('\n'), span };
}

function settingOf(role: 'source' | 'target', type: string, key: string): SettingSpec | undefined {
  const block = blockSpec(role, type);
  return block ? settingSpec(block, key) : undefined;
}

/** Hover on the type of a block: the product and what the block does. */
export function blockTypeHover(role: 'source' | 'target', type: string, span: Span): HoverResult | undefined {
  const spec = blockSpec(role, type);
  if (!spec) return undefined;
  const required = spec.settings.filter((s) => s.required).map((s) => `\`${s.name}\``);
  const lines = [`**${role} ${type}** — ${spec.title}`, '', spec.doc];
  if (required.length) lines.push('', `Required: ${required.join(', ')}`);
  for (const g of spec.oneOf) lines.push('', g.doc);
  return { markdown: lines.join('\n'), span };
}

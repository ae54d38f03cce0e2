import type { Block } from '../../model/model';
import { allowedReferences, blockSpec, optionSpec, settingSpec, type SettingSpec } from '../../model/settings';
import { VALUE_REFERENCE_DOCS } from '../../model/functions/references';
import { placeholderSnippet } from './connector-items';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

/** In a source/target block: the settings of that type not set yet, with their docs. */
export function settingKeyEntries(
  ctx: CursorContext,
  role: 'source' | 'target',
  type: string,
  block?: Block,
): CompletionEntry[] {
  const spec = blockSpec(role, type);
  if (!spec) return [];
  const typed = ctx.prefix;
  const present = new Set((block?.settings ?? []).map((s) => s.key).filter((k) => k !== typed));
  return spec.settings
    .filter((s) => !present.has(s.name))
    .map((s, i) => ({
      label: s.name,
      kind: 'setting',
      detail: detailOf(s),
      documentation: docOf(s),
      insertText: `${s.name} = ${placeholderSnippet(s.placeholder)}`,
      snippet: true,
      replace: ctx.replace,
      sortText: `${s.required ? 0 : 1}${String(i).padStart(2, '0')}`,
    }));
}

/** After `key = ` in a block or for a connector option: enum words, or env/secret/file references. */
export function settingValueEntries(
  ctx: CursorContext,
  key: string,
  block?: { role: string; type: string },
): CompletionEntry[] {
  const spec = block ? blockSettingSpec(block.role, block.type, key) : optionSpec(key);
  if (!spec) return [];
  if (spec.kind === 'enum') {
    return (spec.values ?? []).map((v) => ({
      label: v,
      kind: 'value',
      detail: v === spec.default?.replace(/"/g, '') ? 'default' : undefined,
      documentation: spec.doc,
      replace: ctx.replace,
    }));
  }
  if (!block) return [];
  return allowedReferences(spec).map((r) => ({
    label: `${r}("…")`,
    kind: 'function',
    detail: VALUE_REFERENCE_DOCS[r].signature,
    documentation: VALUE_REFERENCE_DOCS[r].doc,
    insertText: `${r}("\${1:${r === 'env' ? (spec.envName ?? 'NAME') : r === 'file' ? 'path' : 'name'}}")`,
    snippet: true,
    filterText: r,
    replace: ctx.replace,
    retrigger: r !== 'file',
  }));
}

function blockSettingSpec(role: string, type: string, key: string): SettingSpec | undefined {
  const spec = role === 'source' || role === 'target' ? blockSpec(role, type) : undefined;
  return spec ? settingSpec(spec, key) : undefined;
}

function detailOf(s: SettingSpec): string {
  const what = s.kind === 'enum' ? (s.values ?? []).join(' | ') : s.kind;
  return `${s.required ? 'required' : 'optional'} · ${what}${s.default ? ` · default ${s.default}` : ''}`;
}

export function docOf(s: SettingSpec): string {
  const lines = [s.doc];
  if (s.default) lines.push('', `Default: \`${s.default}\``);
  lines.push('', '```usersync', `${s.name} = ${s.placeholder}`, '```');
  return lines.join('\n');
}

import type { Block, Setting } from '../model/model';
import { SOURCE_TYPES, TARGET_TYPES } from '../model/model';
import { suggestNames } from '../model/path-suggest';
import { blockSpec, blocksWithSetting, settingSpec, type BlockSpec } from '../model/settings';
import type { ConnectorContext } from './context';
import type { Fix } from './diagnostic';
import { changeToFixes, insertInBraces, insertYamlLines, removeEdit, replaceFix, valueText } from './edits';
import { checkValue } from './values';

/** Source and target blocks: the type, then each setting against the type's spec. */
export function checkBlocks(ctx: ConnectorContext): void {
  for (const item of ctx.connector.items) {
    if (item.kind !== 'block' || item.type === '') continue;
    const spec = blockSpec(item.role, item.type);
    if (!spec) {
      reportUnknownType(ctx, item);
      continue;
    }
    checkSettings(ctx, item, spec);
    checkRequired(ctx, item, spec);
  }
}

function reportUnknownType(ctx: ConnectorContext, block: Block): void {
  const own: readonly string[] = block.role === 'source' ? SOURCE_TYPES : TARGET_TYPES;
  const other = block.role === 'source' ? 'target' : 'source';
  const isOther = (block.role === 'source' ? TARGET_TYPES : SOURCE_TYPES).some((t) => t === block.type);
  const code = block.role === 'source' ? 'unknown-source-type' : 'unknown-target-type';
  const suggestions = suggestNames(block.type, own);
  const fixes: Fix[] = changeToFixes(block.typeSpan, suggestions);
  let message = `unknown ${block.role} type '${block.type}': usersync ${block.role === 'source' ? 'reads' : 'writes'} ${own.join(', ')}`;
  if (isOther) {
    message = `${block.type} is a ${other}, not a ${block.role}: a connector reads ${SOURCE_TYPES.join(', ')} and writes ${TARGET_TYPES.join(', ')}`;
    const roleSpan = { start: block.span.start, end: block.typeSpan.end };
    if (ctx.doc.form === 'usersync' && ctx.doc.text.startsWith(block.role, block.span.start)) {
      fixes.push(replaceFix(`Change to '${other} ${block.type}'`, roleSpan, `${other} ${block.type}`, true));
    }
  } else if (suggestions.length === 1) {
    message += `; did you mean '${suggestions[0]}'?`;
  }
  ctx.out.report(code, message, block.typeSpan, { fixes });
}

function checkSettings(ctx: ConnectorContext, block: Block, spec: BlockSpec): void {
  const first = new Map<string, Setting>();
  const where = `${block.role} ${block.type}`;
  for (const s of block.settings) {
    if (s.key === '') continue;
    const settingSpecOf = settingSpec(spec, s.key);
    if (!settingSpecOf) {
      reportUnknownSetting(ctx, s, spec);
      continue;
    }
    const earlier = first.get(s.key);
    if (earlier) {
      ctx.out.report('duplicate-setting', `${s.key} is set twice in ${where}; the first one counts`, s.keySpan, {
        related: [{ message: `the first ${s.key}`, span: earlier.keySpan }],
        fixes: [{ title: `Remove this ${s.key}`, edits: [removeEdit(ctx.doc.text, s.span)] }],
      });
      continue;
    }
    first.set(s.key, s);
    checkValue(ctx, settingSpecOf, s.value, s.keySpan);
  }
}

function reportUnknownSetting(ctx: ConnectorContext, s: Setting, spec: BlockSpec): void {
  const where = `${spec.role} ${spec.type}`;
  const suggestions = suggestNames(
    s.key,
    spec.settings.map((x) => x.name),
  );
  const elsewhere = blocksWithSetting(s.key, spec).map((b) => `${b.role} ${b.type}`);
  let message = `${where} has no setting '${s.key}'`;
  if (elsewhere.length) message += `; ${s.key} is a setting of ${elsewhere.join(' and ')}`;
  else if (suggestions.length === 1) message += `; did you mean '${suggestions[0]}'?`;
  ctx.out.report('unknown-setting', message, s.keySpan, { fixes: changeToFixes(s.keySpan, suggestions) });
}

/** Required settings and one-of groups (client_secret | certificate; token | client_id + private_key). */
function checkRequired(ctx: ConnectorContext, block: Block, spec: BlockSpec): void {
  const present = new Map<string, Setting>();
  for (const s of block.settings) if (s.key && !present.has(s.key)) present.set(s.key, s);
  const missing = spec.settings.filter((s) => s.required && !present.has(s.name)).map((s) => s.name);
  const described = [...missing];
  for (const group of spec.oneOf) {
    const used = group.alternatives.filter((alt) => alt.some((k) => present.has(k)));
    if (used.length > 1) {
      reportConflict(ctx, block, used, present);
      continue;
    }
    if (!group.required) continue;
    const chosen = used[0];
    if (!chosen) {
      missing.push(...group.alternatives[0]);
      described.push(group.alternatives.map((a) => a.join(' and ')).join(' or '));
      continue;
    }
    const rest = chosen.filter((k) => !present.has(k));
    missing.push(...rest);
    described.push(...rest);
  }
  if (missing.length === 0) return;
  const where = `${block.role} ${block.type}`;
  const span = block.typeSpan.end > block.typeSpan.start ? block.typeSpan : block.span;
  const fix = insertSettingsFix(ctx, block, spec, missing);
  ctx.out.report('missing-setting', `${where} needs ${listing(described)}`, span, { fixes: fix ? [fix] : [] });
}

function reportConflict(
  ctx: ConnectorContext,
  block: Block,
  used: readonly (readonly string[])[],
  present: Map<string, Setting>,
): void {
  const [keep, ...others] = used;
  const kept = present.get(keep.find((k) => present.has(k)) ?? '') as Setting;
  const ways = used.map((alt) => alt.join(' and ')).join(' or ');
  for (const alt of others) {
    for (const key of alt) {
      const s = present.get(key);
      if (!s) continue;
      ctx.out.report(
        'conflicting-settings',
        `${block.role} ${block.type} takes ${ways}, not both: remove one`,
        s.keySpan,
        {
          related: [{ message: `${kept.key} is set here`, span: kept.keySpan }],
          fixes: [{ title: `Remove ${key}`, edits: [removeEdit(ctx.doc.text, s.span)] }],
        },
      );
    }
  }
}

function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function insertSettingsFix(
  ctx: ConnectorContext,
  block: Block,
  spec: BlockSpec,
  names: readonly string[],
): Fix | undefined {
  const specs = names.map((n) => settingSpec(spec, n)).filter((s) => s !== undefined);
  const { doc } = ctx;
  const edit =
    doc.form === 'usersync'
      ? insertInBraces(
          doc.text,
          block.span,
          block.settings.map((s) => s.span),
          specs.map((s) => `${s.name} = ${s.placeholder}`),
        )
      : insertYamlLines(
          doc.text,
          block.settings,
          specs.map((s) => `${s.name}: ${valueText('yaml', s.placeholder)}`),
        );
  if (!edit) return undefined;
  return { title: `Add ${listing(names)}`, edits: [edit], preferred: true };
}

import type { Option } from '../model/model';
import { suggestNames } from '../model/path-suggest';
import { blocksWithSetting, CONNECTOR_OPTIONS, optionSpec } from '../model/settings';
import type { ConnectorContext } from './context';
import { changeToFixes, quoted, removeEdit, replaceFix } from './edits';
import { checkValue } from './values';

/** Connector options: known names, once each, valid values (on_empty keep|clear, clear_guard "N%"). */
export function checkOptions(ctx: ConnectorContext): void {
  const first = new Map<string, Option>();
  for (const item of ctx.connector.items) {
    if (item.kind !== 'option' || item.key === '') continue;
    const spec = optionSpec(item.key);
    if (!spec) {
      reportUnknown(ctx, item);
      continue;
    }
    const earlier = first.get(item.key);
    if (earlier) {
      ctx.out.report('duplicate-option', `${item.key} is set twice; the first one counts`, item.keySpan, {
        related: [{ message: `the first ${item.key}`, span: earlier.keySpan }],
        fixes: [{ title: `Remove this ${item.key}`, edits: [removeEdit(ctx.doc.text, item.span)] }],
      });
      continue;
    }
    first.set(item.key, item);
    checkValue(ctx, spec, item.value, item.keySpan);
    if (item.key === 'clear_guard' && item.value.kind === 'string' && item.value.value.trim() !== '')
      checkClearGuard(ctx, item.value.value, item.value.span);
  }
}

function reportUnknown(ctx: ConnectorContext, o: Option): void {
  const names = CONNECTOR_OPTIONS.map((x) => x.name);
  const suggestions = suggestNames(o.key, names);
  const blocks = blocksWithSetting(o.key)
    .filter((b) => b.type === ctx.source?.type || b.type === ctx.target?.type)
    .map((b) => `${b.role} ${b.type}`);
  let message = `connectors have no option '${o.key}' (the options are ${names.join(', ')})`;
  if (blocks.length) message = `${o.key} is a setting of ${blocks.join(' and ')}: move it into that block`;
  else if (suggestions.length === 1) message += `; did you mean '${suggestions[0]}'?`;
  ctx.out.report('unknown-option', message, o.keySpan, { fixes: changeToFixes(o.keySpan, suggestions) });
}

/** "10%": a percentage from 0 to 100. A share written as 0.1 gets a fix to "10%". */
function checkClearGuard(ctx: ConnectorContext, text: string, span: { start: number; end: number }): void {
  const pct = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (pct && Number(pct[1]) <= 100) return;
  const number = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  const n = number ? Number(number[1]) : undefined;
  const percent = n === undefined ? undefined : n <= 1 ? Math.round(n * 10000) / 100 : n <= 100 ? n : undefined;
  const fixes = percent === undefined ? [] : [replaceFix(`Change to "${percent}%"`, span, quoted(`${percent}%`), true)];
  ctx.out.report(
    'invalid-clear-guard',
    `clear_guard is a percentage from "0%" to "100%", e.g. "10%"; not '${text}'`,
    span,
    { fixes },
  );
}

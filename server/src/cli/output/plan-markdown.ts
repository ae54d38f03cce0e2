import type { PlannedChange, PlanWarning } from '../../sync/plan/plan-types';
import { summary, type ConnectorPlanView } from './plan-view';
import { plural } from './printer';

/**
 * `usersync preview --format markdown`: the plan as a comment on a pull request. Per connector its counts, a
 * table of the first changes and the warnings folded away; values come from the IdP and the target, so every
 * cell is escaped (no table, link or HTML can be injected) and cut, and the whole stays far below the 65,536
 * characters of a GitHub comment.
 */

/** Changes shown per connector; the rest are counted. */
export const MARKDOWN_ROWS = 50;
const WARNINGS = 20;

export function planMarkdown(views: readonly ConnectorPlanView[]): string {
  const lines = ['### usersync preview', ''];
  for (const v of views) {
    lines.push(`#### \`${v.connector}\` → ${v.target}`, '');
    if (v.pinned?.length) lines.push(`Limited to the pinned users: ${v.pinned.map(code).join(', ')}.`, '');
    lines.push(`${summary(v.plan.stats)}.`, '');
    if (v.plan.changes.length > 0) lines.push(...changeTable(v.plan.changes), '');
    if (v.plan.warnings.length > 0) lines.push(...warningList(v.plan.warnings), '');
  }
  return lines.join('\n');
}

function changeTable(changes: readonly PlannedChange[]): string[] {
  const rows = changes.slice(0, MARKDOWN_ROWS).map((c) => {
    const key = c.kind === 'profile' ? `profile ${c.key}` : c.key;
    const after = c.after === null ? '_(clear)_' : text(c.after);
    return `| ${text(c.user)} | ${text(key)} | ${c.before === null ? '_(none)_' : text(c.before)} | ${after} |`;
  });
  const more = changes.length - MARKDOWN_ROWS;
  return [
    '| user | key | before | after |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(more > 0 ? ['', `_… and ${plural(more, 'more change')}; \`--format json\` lists every one._`] : []),
  ];
}

function warningList(warnings: readonly PlanWarning[]): string[] {
  const items = warnings.slice(0, WARNINGS).map((w) => {
    const who = [w.user, w.key].filter((x) => x !== undefined).join(' ');
    return `- ${code(w.code)} ${who ? `${text(who)}: ` : ''}${text(w.message, 200)}`;
  });
  const more = warnings.length - WARNINGS;
  return [
    `<details><summary>${plural(warnings.length, 'warning')}</summary>`,
    '',
    ...items,
    ...(more > 0 ? [`- … and ${more} more`] : []),
    '',
    '</details>',
  ];
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * A value as table text: one line, cut, with what markdown would read as markup backslash-escaped, what HTML
 * would read as a tag or entity written as an entity, and an @ that would mention someone (one not inside an
 * e-mail address) written as `&#64;`.
 */
export function text(value: string, max = 60): string {
  const flat = value.replace(/\r?\n/g, ' ⏎ ');
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut
    .replace(/[\\`*_{}[\]()|~!#<>&]/g, (c) => ENTITIES[c] ?? `\\${c}`)
    .replace(/(^|[^A-Za-z0-9._%+-])@/g, '$1&#64;');
}

function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}

import { CONFLUENCE_PROFILE_FIELDS } from '../../model/model';
import { matchOf, option, scheduleOf, sourceBlock, targetBlock } from '../../model/query';
import { CONNECTOR_OPTIONS } from '../../model/settings';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

interface ItemTemplate {
  label: string;
  insertText: string;
  detail: string;
  documentation: string;
  /** Leave out when the connector already has it. */
  present?: (ctx: CursorContext) => boolean;
  /** Offer only when this holds. */
  when?: (ctx: CursorContext) => boolean;
}

const ITEMS: readonly ItemTemplate[] = [
  {
    label: 'source',
    insertText: 'source ${1|azure,okta,google|} {\n\t$0\n}',
    detail: 'source <azure|okta|google> { … }',
    documentation: 'Where the users are read: Microsoft Entra ID (`azure`), Okta or Google Directory.',
    present: (ctx) => !!ctx.connector && !!sourceBlock(ctx.connector),
  },
  {
    label: 'target',
    insertText: 'target ${1|jira,confluence|} {\n\t$0\n}',
    detail: 'target <jira|confluence> { … }',
    documentation: 'Where the profiles are written: Jira or Confluence Data Center.',
    present: (ctx) => !!ctx.connector && !!targetBlock(ctx.connector),
  },
  {
    label: 'match username =',
    insertText: 'match username = ${1:userPrincipalName}',
    detail: 'match username = <expression>',
    documentation: 'How a source user finds its target user: the expression gives the Jira/Confluence username.',
    present: (ctx) => !!ctx.connector && !!matchOf(ctx.connector),
  },
  {
    label: 'schedule',
    insertText: 'schedule "${1:0 */6 * * *}"',
    detail: 'schedule "<cron>"',
    documentation: 'When the connector runs by itself: a cron expression (minute hour day-of-month month day-of-week).',
    present: (ctx) => !!ctx.connector && !!scheduleOf(ctx.connector),
  },
  {
    label: 'map property',
    insertText: 'map property "${1:Name}" = ${2}',
    detail: 'map property "<key>" = <expression>',
    documentation:
      'Writes a user property under this key (Jira: the User Properties of the admin UI, or entity properties with `store = entity`).',
  },
  {
    label: 'map profile',
    insertText: `map profile \${1|${CONFLUENCE_PROFILE_FIELDS.join(',')}|} = \${2}`,
    detail: 'map profile <field> = <expression>',
    documentation: `Writes a Confluence profile field: ${CONFLUENCE_PROFILE_FIELDS.join(', ')}.`,
    when: (ctx) => ctx.targetType !== 'jira',
  },
  {
    label: 'user',
    insertText: 'user "${1:login}"',
    detail: 'user "<login>"',
    documentation: 'Pins a user: a run with `--pinned` syncs only the pinned users (a safe first rollout).',
  },
];

export function connectorItemEntries(ctx: CursorContext): CompletionEntry[] {
  const items = ITEMS.filter((i) => !i.present?.(ctx) && (i.when?.(ctx) ?? true)).map((i, n): CompletionEntry => ({
    label: i.label,
    kind: 'keyword',
    detail: i.detail,
    documentation: i.documentation,
    insertText: i.insertText,
    snippet: true,
    replace: ctx.replace,
    sortText: `0${n}`,
  }));
  const options = CONNECTOR_OPTIONS.filter((o) => !(ctx.connector && option(ctx.connector, o.name))).map(
    (o): CompletionEntry => ({
      label: o.name,
      kind: 'setting',
      detail: o.values ? `${o.name} = ${o.values.join(' | ')}` : `${o.name} = ${o.placeholder}`,
      documentation: o.doc,
      insertText: o.values
        ? `${o.name} = \${1|${o.values.join(',')}|}`
        : `${o.name} = ${placeholderSnippet(o.placeholder)}`,
      snippet: true,
      replace: ctx.replace,
      sortText: `1${o.name}`,
    }),
  );
  return [...items, ...options];
}

/** `"10%"` → `"${1:10%}"`: the value inside quotes becomes the tab stop. */
export function placeholderSnippet(placeholder: string): string {
  const quoted = /^"(.*)"$/.exec(placeholder);
  const escape = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  if (quoted) return `"\${1:${escape(quoted[1])}}"`;
  const call = /^(\w+)\("(.*)"\)$/.exec(placeholder);
  if (call) return `${call[1]}("\${1:${escape(call[2])}}")`;
  return `\${1:${escape(placeholder)}}`;
}

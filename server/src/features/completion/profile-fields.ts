import { profileFieldsOf } from '../../model/targets';
import { CONFLUENCE_PROFILE_FIELDS, type TargetType } from '../../model/model';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

const FIELD_DOCS: Record<string, string> = {
  phone: 'Phone (personal section of the Confluence profile).',
  im: 'Instant messaging address (personal section).',
  website: 'Website (personal section).',
  position: 'Position, the job title (business section).',
  department: 'Department (business section).',
  location: 'Location (business section).',
};

/**
 * After `map profile `: the Confluence profile fields. Jira has no profile fields, so a Jira connector
 * gets nothing; a connector without a target yet gets the Confluence ones.
 */
export function profileFieldEntries(ctx: CursorContext): CompletionEntry[] {
  const fields =
    ctx.targetType === 'jira' || ctx.targetType === 'confluence'
      ? profileFieldsOf(ctx.targetType as TargetType)
      : ctx.targetType
        ? []
        : CONFLUENCE_PROFILE_FIELDS;
  return fields.map((f, i) => ({
    label: f,
    kind: 'field',
    detail: 'Confluence profile field (values cut at 255 characters)',
    documentation: FIELD_DOCS[f],
    insertText: /^\s*=/.test(ctx.lineRest) ? f : `${f} = `,
    filterText: f,
    replace: ctx.replace,
    sortText: String(i),
    retrigger: !/^\s*=/.test(ctx.lineRest),
  }));
}

/** After `map `: `property` always, `profile` unless the target is Jira. */
export function mapTargetEntries(ctx: CursorContext): CompletionEntry[] {
  const entries: CompletionEntry[] = [
    {
      label: 'property',
      kind: 'keyword',
      detail: 'map property "<key>" = …',
      insertText: 'property "${1:Name}" = ',
      snippet: true,
      replace: ctx.replace,
    },
  ];
  if (ctx.targetType !== 'jira') {
    entries.push({
      label: 'profile',
      kind: 'keyword',
      detail: 'map profile <field> = …',
      insertText: 'profile ',
      replace: ctx.replace,
      retrigger: true,
    });
  }
  return entries;
}

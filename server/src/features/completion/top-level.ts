import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

/** At the top level only connectors stand. */
export function topLevelEntries(ctx: CursorContext): CompletionEntry[] {
  return [
    {
      label: 'connector',
      kind: 'snippet',
      detail: 'connector name { source … target … }',
      documentation:
        'A connector: where users are read (`source`), where they are written (`target`), how they are matched and what is mapped.',
      insertText: [
        'connector ${1:name} {',
        '\tsource ${2|azure,okta,google|} {',
        '\t\t$3',
        '\t}',
        '\ttarget ${4|jira,confluence|} {',
        '\t\turl   = "${5:https://jira.example.com}"',
        '\t\ttoken = env("${6:JIRA_TOKEN}")',
        '\t}',
        '\tmatch username = ${7:userPrincipalName}',
        '\t$0',
        '}',
      ].join('\n'),
      snippet: true,
      replace: ctx.replace,
    },
  ];
}

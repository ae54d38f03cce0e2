import type { Document } from '../model/model';
import type { Span } from '../text/span';

/** A command shown above a line; the client runs it (the server only names it). */
export interface CodeLensSpec {
  span: Span;
  title: string;
  command: string;
  args: unknown[];
}

export const COMMANDS = {
  runFullSync: 'usersync.runFullSync',
  preview: 'usersync.preview',
  syncUser: 'usersync.syncUser',
  previewUser: 'usersync.previewUser',
} as const;

/** Above each connector: run and preview; above each `user "…"`: sync or preview that user. */
export function codeLenses(doc: Document, uri: string): CodeLensSpec[] {
  const out: CodeLensSpec[] = [];
  for (const c of doc.connectors) {
    if (!c.name) continue;
    const at = c.nameSpan;
    const args = [{ uri, connector: c.name }];
    out.push({ span: at, title: '▶ Run full sync', command: COMMANDS.runFullSync, args });
    out.push({ span: at, title: 'Preview', command: COMMANDS.preview, args });
    for (const i of c.items) {
      if (i.kind !== 'user' || !i.login) continue;
      const userArgs = [{ uri, connector: c.name, user: i.login }];
      out.push({ span: i.span, title: 'Sync this user', command: COMMANDS.syncUser, args: userArgs });
      out.push({ span: i.span, title: 'Preview', command: COMMANDS.previewUser, args: userArgs });
    }
  }
  return out;
}

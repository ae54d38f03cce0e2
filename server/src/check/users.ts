import type { PinnedUser } from '../model/model';
import { usersOf } from '../model/query';
import type { ConnectorContext } from './context';
import { removeEdit } from './edits';

/** `user "<login>"` lines: a login each, each login once (logins compare without case, as Jira and Confluence do). */
export function checkUsers(ctx: ConnectorContext): void {
  const first = new Map<string, PinnedUser>();
  for (const u of usersOf(ctx.connector)) {
    if (u.loginSpan.end === u.loginSpan.start) continue;
    if (u.login.trim() === '') {
      ctx.out.report('empty-user', 'user needs a login, e.g. user "alice@contoso.com"', u.loginSpan);
      continue;
    }
    const key = u.login.trim().toLowerCase();
    const earlier = first.get(key);
    if (earlier) {
      ctx.out.report('duplicate-user', `user '${u.login}' is already listed`, u.loginSpan, {
        related: [{ message: 'listed first here', span: earlier.loginSpan }],
        fixes: [{ title: 'Remove this user line', edits: [removeEdit(ctx.doc.text, u.span)] }],
      });
    } else {
      first.set(key, u);
    }
  }
}

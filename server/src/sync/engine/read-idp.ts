import type { IdpUser, RunnableConnector, SourceReader } from '../types';
import type { PlanWarning } from '../plan/plan-types';
import type { ProgressFn } from './events';

/**
 * Which IdP users a run looks at: one (`--user`), the connector's pinned users (`--pinned`: the
 * `user "…"` lines, a safe first rollout), or everyone — incrementally when a delta token is given.
 * A login the IdP does not know becomes a warning, not an error.
 */

export interface IdpRead {
  users: IdpUser[];
  warnings: PlanWarning[];
  /** Token for the next incremental read; only after a full list. */
  nextSince?: string;
}

export async function readIdpUsers(
  connector: RunnableConnector,
  source: SourceReader,
  options: { user?: string; pinned?: boolean; since?: string; signal?: AbortSignal; onProgress?: ProgressFn },
): Promise<IdpRead> {
  const logins = options.user !== undefined ? [options.user] : options.pinned ? connector.users : undefined;
  if (logins) {
    const users: IdpUser[] = [];
    const warnings: PlanWarning[] = [];
    if (logins.length === 0) {
      warnings.push({
        connector: connector.name,
        code: 'no-pinned-users',
        message: `${connector.name} pins no users; nothing to do`,
      });
    }
    for (const login of logins) {
      const found = await source.get(login, { signal: options.signal });
      if (found) users.push(found);
      else
        warnings.push({
          connector: connector.name,
          user: login,
          code: 'missing-in-idp',
          message: `the IdP has no user '${login}'`,
        });
      options.onProgress?.({ phase: 'read-source', done: users.length + warnings.length, total: logins.length });
    }
    return { users, warnings };
  }
  // A delta round may return a user more than once: the last copy wins. Removals are ignored:
  // the sync never deletes or deactivates Atlassian users.
  const byId = new Map<string, IdpUser>();
  for await (const page of source.list({ signal: options.signal, since: options.since })) {
    for (const u of page.users) byId.set(u.id, u);
    options.onProgress?.({ phase: 'read-source', done: byId.size });
  }
  return { users: [...byId.values()], warnings: [], nextSince: source.nextSince() };
}

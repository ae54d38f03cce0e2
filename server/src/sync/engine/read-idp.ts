import type { IdpUser, RunnableConnector, SourceReader } from '../types';
import type { PlanWarning } from '../plan/plan-types';
import type { ProgressFn } from './events';

/**
 * Which IdP users a run looks at: one (`--user`), the connector's pinned users (`--pinned`: the
 * `user "…"` lines, a safe first rollout), or everyone — incrementally when a delta token is given.
 * A login the IdP does not know becomes a warning, not an error.
 *
 * A full read is handed on page by page, with the next page already requested while the planner
 * handles the current one, so that no page waits for the planner and no raw user outlives its page.
 */

export interface IdpPages {
  pages: AsyncIterable<IdpUser[]>;
  /** Filled while the pages are read; complete once they have all been read. */
  warnings: PlanWarning[];
  /** Token for the next incremental read; only after a full list, once every page was read. */
  nextSince: () => string | undefined;
}

export interface IdpRead {
  users: IdpUser[];
  warnings: PlanWarning[];
  /** Token for the next incremental read; only after a full list. */
  nextSince?: string;
}

export interface ReadIdpOptions {
  user?: string;
  pinned?: boolean;
  since?: string;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

export function readIdpPages(connector: RunnableConnector, source: SourceReader, options: ReadIdpOptions): IdpPages {
  const logins = options.user !== undefined ? [options.user] : options.pinned ? connector.users : undefined;
  const warnings: PlanWarning[] = [];
  if (logins) {
    return {
      pages: (async function* () {
        yield await readLogins(connector, source, logins, warnings, options);
      })(),
      warnings,
      nextSince: () => undefined,
    };
  }
  let listed = false;
  return {
    pages: (async function* () {
      yield* options.since === undefined ? fullRead(source, options) : deltaRead(source, options.since, options);
      listed = true;
    })(),
    warnings,
    nextSince: () => (listed ? source.nextSince() : undefined),
  };
}

/** All the users at once (the rollback-free callers and specs that want a list). */
export async function readIdpUsers(
  connector: RunnableConnector,
  source: SourceReader,
  options: ReadIdpOptions,
): Promise<IdpRead> {
  const read = readIdpPages(connector, source, options);
  const users: IdpUser[] = [];
  for await (const page of read.pages) users.push(...page);
  const nextSince = read.nextSince();
  return { users, warnings: read.warnings, ...(nextSince !== undefined ? { nextSince } : {}) };
}

async function readLogins(
  connector: RunnableConnector,
  source: SourceReader,
  logins: string[],
  warnings: PlanWarning[],
  options: ReadIdpOptions,
): Promise<IdpUser[]> {
  const users: IdpUser[] = [];
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
  return users;
}

/** A full list: each page as it comes, the next one requested before this one is handed on. */
async function* fullRead(source: SourceReader, options: ReadIdpOptions): AsyncGenerator<IdpUser[]> {
  let done = 0;
  for await (const page of prefetched(source.list({ signal: options.signal }))) {
    done += page.users.length;
    options.onProgress?.({ phase: 'read-source', done });
    yield page.users;
  }
}

/**
 * An incremental read may return a user more than once: the last copy wins, so the (small) delta is read
 * whole first. Removals are ignored: the sync never deletes or deactivates Atlassian users.
 */
async function* deltaRead(source: SourceReader, since: string, options: ReadIdpOptions): AsyncGenerator<IdpUser[]> {
  const byId = new Map<string, IdpUser>();
  for await (const page of prefetched(source.list({ signal: options.signal, since }))) {
    for (const u of page.users) byId.set(u.id, u);
    options.onProgress?.({ phase: 'read-source', done: byId.size });
  }
  yield [...byId.values()];
}

/** Keeps one `next()` of the source in flight while the consumer handles the item before it. */
export async function* prefetched<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  let finished = false;
  try {
    for (;;) {
      const r = await next;
      if (r.done) {
        finished = true;
        return;
      }
      next = it.next();
      next.catch(() => undefined); // awaited below; meanwhile a failure is not "unhandled"
      // A turn of the event loop, so that the request for the next page is written before this page is
      // planned (planning a page is synchronous work) and the planning overlaps the wait for the answer.
      await new Promise<void>((resolve) => setImmediate(resolve));
      yield r.value;
    }
  } finally {
    if (!finished) {
      // The consumer stopped early or the source failed: close the source once its request settles.
      void next.then(
        () => Promise.resolve(it.return?.()).catch(() => undefined),
        () => undefined,
      );
    }
  }
}

import type { IdpUser, RunnableConnector, TargetUser, TargetWriter } from '../types';
import type { ProgressFn } from '../engine/events';
import { emptyStats, type Plan, type PlannedChange, type PlanWarning } from './plan-types';
import { defaultEvaluator, type Evaluator } from './evaluator';
import { desiredUser, mappingWarnings, type DesiredUser } from './desired';
import { AbsentAttributes } from './absent-attributes';
import { diffUser } from './diff';
import { exposeGc, GrowthCollector, oldGenerationBytes } from '../../runtime/growth-collector';

/**
 * Plans a connector page by page, as the IdP pages arrive: each user is evaluated at once and its raw
 * record dropped; match usernames are read from the target in batches of 100 (a batch is sent as soon as
 * it is full, up to `concurrency` batches in flight) and diffed when the answer comes back, after which
 * only the changes are kept. The case-insensitive collision check needs every username: a compact
 * record per username is kept across pages, and colliding users are dropped from the plan at the end.
 * The plan itself never writes.
 */

export interface PlanOptions {
  signal?: AbortSignal;
  evaluate?: Evaluator;
  onProgress?: ProgressFn;
  /** Target reads (of up to 100 usernames each) in flight at once; 4 by default. */
  concurrency?: number;
}

/**
 * A page's raw users, once planned, are garbage; V8 would let 100,000 users' worth pile up in its old
 * generation before collecting (peak RSS 160–227 MiB at 100,000 Google users against a live heap of
 * 22–34 MiB, docs/benchmarks.md). A full collection each time it grew by 16 MB keeps the peak near what
 * a run holds (142–153 MiB when measured; the CLI's flags, cli/node-flags.ts, have moved it since); its cost
 * stayed within the benchmark's run-to-run spread.
 */
function pageGarbageCollector(): GrowthCollector {
  return new GrowthCollector(16 * 1024 * 1024, { bytes: oldGenerationBytes, gc: exposeGc() });
}

/** Growth of the old generation since the last collection above which the end of planning collects. */
const PLAN_END_COLLECTION_BYTES = 4 * 1024 * 1024;

/** Usernames per target read: the companion endpoint's limit. */
export const TARGET_READ_BATCH = 100;

/** Plans over IdP users already read (one page). */
export async function planUsers(
  connector: RunnableConnector,
  idpUsers: IdpUser[],
  target: TargetWriter,
  options: PlanOptions = {},
): Promise<Plan> {
  return planPages(connector, onePage(idpUsers), target, options);
}

/** Plans over pages of IdP users while they are being read. */
export async function planPages(
  connector: RunnableConnector,
  pages: AsyncIterable<IdpUser[]>,
  target: TargetWriter,
  options: PlanOptions = {},
): Promise<Plan> {
  const planner = new PagePlanner(connector, target, options);
  const heap = pageGarbageCollector();
  try {
    for await (const page of pages) {
      await planner.add(page);
      heap.check();
    }
    const plan = await planner.finish();
    // What the planner kept per user (the usernames for the collision check: about 13 MB at 100,000 users) is
    // garbage now. Collected before the writes and the journal allocate on top of it: okta at 100,000 users
    // peaked at 117–125 MiB in three runs against 127–128 MiB without (docs/benchmarks-history.md).
    planner.release();
    heap.collectNow(PLAN_END_COLLECTION_BYTES);
    return plan;
  } finally {
    planner.settle();
  }
}

async function* onePage(users: IdpUser[]): AsyncGenerator<IdpUser[]> {
  yield users;
}

/** What became of a user whose username is not unchanged in the target (unchanged users leave no record). */
const MISSING = 1;
const CHANGED = 2;
const CLEARED = 3;

/** An IdP user by name: its id alone when the username is already lower case, else id and username. */
type Named = string | { idpId: string; username: string };

interface Queued {
  user: DesiredUser;
  key: string;
}

interface BatchResult {
  changes: PlannedChange[];
  missing: PlanWarning[];
}

class PagePlanner {
  private readonly evaluate: Evaluator;
  private readonly limit: number;
  /** Warnings met while evaluating, in IdP order. */
  private readonly userWarnings: PlanWarning[] = [];
  private readonly absent: AbsentAttributes;
  /**
   * Every distinct (lower-cased) username met so far: all that is kept of a user once it is diffed, for the
   * collision check. About 130 bytes a user.
   */
  private readonly names = new Map<string, Named>();
  /** Further IdP users with an already-seen username (collisions: none of them is synced). */
  private readonly collisions = new Map<string, { idpId: string; username: string }[]>();
  /** Outcome of users that are missing or changed (unchanged is the rest); collisions are taken back at the end. */
  private readonly outcomes = new Map<string, number>();
  /** Usernames that had collided by the time their target answer came: never diffed. */
  private readonly notDiffed = new Set<string>();
  private readonly stats = emptyStats();
  private queue: Queued[] = [];
  /** Diff results in the order the batches were sent (= IdP order), whatever order they come back in. */
  private readonly results: (BatchResult | undefined)[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  private idpUsers = 0;
  private diffed = 0;

  constructor(
    private readonly connector: RunnableConnector,
    private readonly target: TargetWriter,
    private readonly options: PlanOptions,
  ) {
    this.evaluate = options.evaluate ?? defaultEvaluator;
    this.limit = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.absent = new AbsentAttributes(connector);
  }

  async add(page: IdpUser[]): Promise<void> {
    this.throwIfFailed();
    for (const user of page) {
      this.idpUsers++;
      const d = desiredUser(this.connector, user, this.evaluate, this.userWarnings);
      if (!d) continue;
      this.absent.add(d);
      const key = d.username.toLowerCase();
      const first = this.names.get(key);
      if (first !== undefined) {
        if ((typeof first === 'string' ? first : first.idpId) === d.idpId) {
          // The same IdP user listed twice (paging over a changing directory): one user, the first copy.
          this.idpUsers--;
          continue;
        }
        const others = this.collisions.get(key);
        if (others) others.push({ idpId: d.idpId, username: d.username });
        else this.collisions.set(key, [{ idpId: d.idpId, username: d.username }]);
        continue;
      }
      this.names.set(key, key === d.username ? d.idpId : { idpId: d.idpId, username: d.username });
      this.queue.push({ user: d, key });
    }
    while (this.queue.length >= TARGET_READ_BATCH) {
      const batch = this.queue.slice(0, TARGET_READ_BATCH);
      this.queue = this.queue.slice(TARGET_READ_BATCH);
      await this.send(batch);
    }
  }

  async finish(): Promise<Plan> {
    if (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      await this.send(batch);
    }
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    this.throwIfFailed();

    const { connector, stats } = this;
    stats.idpUsers = this.idpUsers;
    const collisionWarnings: PlanWarning[] = [];
    if (this.collisions.size > 0) {
      // In order of the usernames' first appearance, as the warnings have always come.
      for (const [key, named] of this.names) {
        const others = this.collisions.get(key);
        if (!others) continue;
        this.takeBack(key);
        const group = [typeof named === 'string' ? { idpId: named, username: key } : named, ...others];
        const ids = group.map((u) => u.idpId).join(', ');
        for (const u of group) {
          collisionWarnings.push({
            connector: connector.name,
            user: u.username,
            code: 'user-collision',
            message: `${group.length} IdP users (${ids}) match the Atlassian username '${u.username}'; none of them is synced`,
          });
        }
      }
    }
    const unique = this.names.size - this.collisions.size;
    stats.skipped = this.idpUsers - unique;

    const collided = this.collisions;
    const keep = (user: string | undefined): boolean =>
      collided.size === 0 || !collided.has(String(user).toLowerCase());
    const changes: PlannedChange[] = [];
    const missing: PlanWarning[] = [];
    for (const r of this.results) {
      if (!r) continue;
      for (const c of r.changes) if (keep(c.user)) changes.push(c);
      for (const w of r.missing) if (keep(w.user)) missing.push(w);
    }
    stats.changes = changes.length;
    for (const c of changes) if (c.after === null) stats.clears++;

    const warnings: PlanWarning[] = [
      ...mappingWarnings(connector),
      ...this.userWarnings,
      ...this.absent.warnings(),
      ...collisionWarnings,
      ...missing,
    ];
    this.options.onProgress?.({ phase: 'read-target', done: unique, total: unique });
    this.options.onProgress?.({ phase: 'plan', done: unique, total: unique });
    return { changes, warnings, stats };
  }

  /** Removes a user that turned out to collide from the counts its diff added to. */
  private takeBack(key: string): void {
    const { stats } = this;
    if (this.notDiffed.has(key)) return;
    const outcome = this.outcomes.get(key);
    if (outcome === MISSING) {
      stats.missing--;
      return;
    }
    stats.matched--;
    if (outcome === undefined) stats.unchanged--;
    else stats.changedUsers--;
    if (outcome === CLEARED) stats.clearedUsers--;
  }

  /** Drops the per-user records once the plan is made (the plan holds none of them). */
  release(): void {
    this.names.clear();
    this.collisions.clear();
    this.outcomes.clear();
    this.notDiffed.clear();
    this.results.length = 0;
    this.queue = [];
  }

  /** Lets reads still in flight (after a failure) finish without anyone waiting for them. */
  settle(): void {
    this.inFlight.clear();
  }

  /** Sends one target read once a slot is free; its diff lands in its own result slot. */
  private async send(batch: Queued[]): Promise<void> {
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const slot = this.results.length;
    this.results.push(undefined);
    const done: Promise<void> = this.readAndDiff(batch, slot).then(
      () => {
        this.inFlight.delete(done);
      },
      (error: unknown) => {
        this.failure ??= { error };
        this.inFlight.delete(done);
      },
    );
    this.inFlight.add(done);
  }

  private async readAndDiff(batch: Queued[], slot: number): Promise<void> {
    const { connector } = this;
    // A username that already collided is not synced: no need to read it.
    const names = batch.filter((q) => !this.collisions.has(q.key)).map((q) => q.user.username);
    const current =
      names.length === 0
        ? { users: [] as TargetUser[], missing: [] as string[] }
        : await this.target.read(names, { signal: this.options.signal });
    const byName = new Map<string, TargetUser>();
    for (const u of current.users) byName.set(u.username.toLowerCase(), u);
    const { stats } = this;
    const result: BatchResult = { changes: [], missing: [] };
    for (const { user, key } of batch) {
      if (this.collisions.has(key)) {
        this.notDiffed.add(key);
        continue;
      }
      const found = byName.get(key);
      if (!found) {
        this.outcomes.set(key, MISSING);
        stats.missing++;
        result.missing.push({
          connector: connector.name,
          user: user.username,
          code: 'missing-in-target',
          message: `${connector.target.type} has no user '${user.username}'`,
        });
        continue;
      }
      stats.matched++;
      const userChanges = diffUser(connector.name, user, found, connector.onEmpty);
      if (userChanges.length === 0) {
        stats.unchanged++;
        continue;
      }
      const cleared = userChanges.some((c) => c.after === null);
      this.outcomes.set(key, cleared ? CLEARED : CHANGED);
      stats.changedUsers++;
      if (cleared) stats.clearedUsers++;
      for (const c of userChanges) result.changes.push(c);
    }
    this.results[slot] = result;
    this.diffed += batch.length;
    this.options.onProgress?.({ phase: 'read-target', done: this.diffed });
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

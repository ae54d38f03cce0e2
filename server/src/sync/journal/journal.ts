import type Database from 'better-sqlite3';
import { openStateDb, integrityCheck, type StateDb } from './state-db';
import { acquireLock, type StateLock } from './lock';

/**
 * The run journal. Writes are recorded write-ahead: status 'pending' before the request is sent,
 * settled after the target answered, so a run killed mid-write leaves a trace and the next run
 * converges by planning again. Every text column passes through the redactor first.
 */

export type RunTrigger = 'full' | 'user' | 'schedule' | 'rollback';
export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'aborted' | 'guarded' | 'error' | 'interrupted';
export type WriteStatus = 'pending' | 'done' | 'not_found' | 'rejected' | 'failed' | 'aborted';

export interface RunRecord {
  id: number;
  connector: string;
  started: string;
  finished: string | null;
  trigger: RunTrigger;
  status: RunStatus;
  stats: Record<string, unknown>;
}

export interface WriteIntent {
  username: string;
  kind: 'property' | 'profile';
  key: string;
  before: string | null;
  after: string | null;
}

export interface WriteRecord extends WriteIntent {
  id: number;
  runId: number;
  status: WriteStatus;
  message: string | null;
  at: string;
}

interface RunRow {
  id: number;
  connector: string;
  started: string;
  finished: string | null;
  trigger: RunTrigger;
  status: RunStatus;
  stats: string;
}

interface WriteRow extends WriteIntent {
  id: number;
  run_id: number;
  status: WriteStatus;
  message: string | null;
  at: string;
}

export interface JournalOptions {
  /** Removes secret values from text before it is stored. */
  redact?: (text: string) => string;
  now?: () => Date;
}

/** One batch's outcome for the journal: the row ids of its intents and how they ended. */
export interface Settlement {
  ids: number[];
  status: WriteStatus;
  message?: string;
}

/** Runs that have ended before the bound parameter (a run left 'running' by a dead process ends when it is marked). */
const ENDED_BEFORE = `status != 'running' AND COALESCE(finished, started) < ?`;

export class Journal {
  private readonly redact: (text: string) => string;
  private readonly now: () => Date;
  private readonly insertWrite: Database.Statement;
  private readonly updateWrite: Database.Statement;

  private constructor(
    readonly file: string,
    private readonly db: StateDb,
    options: JournalOptions,
  ) {
    this.redact = options.redact ?? ((t) => t);
    this.now = options.now ?? (() => new Date());
    // Prepared once: preparing per call was most of the apply phase's time.
    this.insertWrite = db.prepare(
      `INSERT INTO writes (run_id, username, kind, key, before, after, status, at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    this.updateWrite = db.prepare(`UPDATE writes SET status = ?, message = ?, at = ? WHERE id = ?`);
  }

  static open(file: string, options: JournalOptions = {}): Journal {
    return new Journal(file, openStateDb(file), options);
  }

  /** The same open state file, storing text through `redact` (closing either closes the file). */
  redacting(redact: (text: string) => string): Journal {
    return new Journal(this.file, this.db, { redact, now: this.now });
  }

  /** Takes the state file's run lock; runs left 'running' by a dead owner become 'interrupted'. */
  lock(): StateLock {
    const lock = acquireLock(this.file);
    this.db.prepare(`UPDATE runs SET status = 'interrupted' WHERE status = 'running'`).run();
    return lock;
  }

  integrityCheck(): string[] {
    return integrityCheck(this.db);
  }

  /**
   * A run's row, when its writing starts. `planMs` is how long reading and planning took before: the run is
   * stamped as started that much earlier, so that its duration covers the whole run but not a wait for the
   * admin's confirmation in between.
   */
  startRun(connector: string, trigger: RunTrigger, planMs = 0): number {
    const started = new Date(this.now().getTime() - Math.max(0, Math.round(planMs))).toISOString();
    const info = this.db
      .prepare(`INSERT INTO runs (connector, started, trigger, status) VALUES (?, ?, ?, 'running')`)
      .run(connector, started, trigger);
    return Number(info.lastInsertRowid);
  }

  finishRun(runId: number, status: RunStatus, stats: Record<string, unknown>): void {
    this.db
      .prepare(`UPDATE runs SET finished = ?, status = ?, stats = ? WHERE id = ?`)
      .run(this.stamp(), status, this.redact(JSON.stringify(stats)), runId);
  }

  /** Records intents as 'pending' in one transaction; returns their row ids in order. */
  recordPending(runId: number, intents: WriteIntent[]): number[] {
    return this.recordPendingGroups(runId, [intents])[0];
  }

  /**
   * Records several groups of intents (a batch's users) as 'pending' in one transaction; returns each
   * group's row ids in order. The rows are committed when this returns, before the batch is sent.
   */
  recordPendingGroups(runId: number, groups: WriteIntent[][]): number[][] {
    const at = this.stamp();
    const insert = this.insertWrite;
    return this.db.transaction(() =>
      groups.map((rows) =>
        rows.map((w) =>
          Number(
            insert.run(runId, w.username, w.kind, this.redact(w.key), this.clean(w.before), this.clean(w.after), at)
              .lastInsertRowid,
          ),
        ),
      ),
    )();
  }

  settle(ids: number[], status: WriteStatus, message?: string): void {
    this.settleAll([{ ids, status, message }]);
  }

  /** Settles several groups of rows (a batch's users) in one transaction. */
  settleAll(settlements: Settlement[]): void {
    const at = this.stamp();
    const update = this.updateWrite;
    this.db.transaction(() => {
      for (const s of settlements) {
        const text = s.message === undefined ? null : this.redact(s.message);
        for (const id of s.ids) update.run(s.status, text, at, id);
      }
    })();
  }

  runs(limit = 50): RunRecord[] {
    const rows = this.db.prepare(`SELECT * FROM runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[];
    return rows.map(toRun);
  }

  run(id: number): RunRecord | undefined {
    const row = this.db.prepare(`SELECT * FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
    return row && toRun(row);
  }

  /** Per connector and status: how many finished runs the journal holds and when the last one ended. */
  runCounts(): { connector: string; status: RunStatus; runs: number; lastFinished: string }[] {
    return this.db
      .prepare(
        `SELECT connector, status, COUNT(*) AS runs, MAX(finished) AS lastFinished FROM runs
         WHERE finished IS NOT NULL GROUP BY connector, status`,
      )
      .all() as { connector: string; status: RunStatus; runs: number; lastFinished: string }[];
  }

  /** Each connector's last finished run. */
  lastRuns(): RunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM runs WHERE id IN (SELECT MAX(id) FROM runs WHERE finished IS NOT NULL GROUP BY connector)`,
      )
      .all() as RunRow[];
    return rows.map(toRun);
  }

  /** The rollback runs that restored run `runId`'s values (some or all), oldest first. */
  rollbacksOf(runId: number): RunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM runs WHERE trigger = 'rollback' AND status IN ('ok', 'partial')
         AND json_extract(stats, '$.rollbackOf') = ? ORDER BY id`,
      )
      .all(runId) as RunRow[];
    return rows.map(toRun);
  }

  /** How many finished runs, and their writes, ended before `before` (an ISO time): what `prune` would remove. */
  prunable(before: string): { runs: number; writes: number } {
    const runs = this.db.prepare(`SELECT COUNT(*) AS n FROM runs WHERE ${ENDED_BEFORE}`).get(before) as { n: number };
    const writes = this.db
      .prepare(`SELECT COUNT(*) AS n FROM writes WHERE run_id IN (SELECT id FROM runs WHERE ${ENDED_BEFORE})`)
      .get(before) as { n: number };
    return { runs: runs.n, writes: writes.n };
  }

  /**
   * Removes the runs that ended before `before`, with every value they wrote, in one transaction; a run in
   * progress is kept. The freed pages are overwritten (`secure_delete`) and the file is compacted, so that the
   * profile data removed does not linger in it. Delta tokens are not runs: incremental reads go on.
   */
  prune(before: string): { runs: number; writes: number } {
    this.db.pragma('secure_delete = ON');
    try {
      const counts = this.db.transaction(() => ({
        writes: this.db
          .prepare(`DELETE FROM writes WHERE run_id IN (SELECT id FROM runs WHERE ${ENDED_BEFORE})`)
          .run(before).changes,
        runs: this.db.prepare(`DELETE FROM runs WHERE ${ENDED_BEFORE}`).run(before).changes,
      }))();
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return counts;
    } finally {
      this.db.pragma('secure_delete = OFF'); // a daemon's later runs keep their speed
    }
  }

  writesOf(runId: number): WriteRecord[] {
    const rows = this.db.prepare(`SELECT * FROM writes WHERE run_id = ? ORDER BY id`).all(runId) as WriteRow[];
    return rows.map(toWrite);
  }

  /**
   * The writes to one user (any case), newest first, with the connector of each one's run. It reads the whole
   * journal: an index on usernames cost each run's writes more than this occasional look-up saves (100,000
   * Okta users: applying 9,500 changes took 450-530 ms with one, 200 ms without; docs/benchmarks-history.md).
   */
  writesTo(username: string, limit: number): (WriteRecord & { connector: string })[] {
    const rows = this.db
      .prepare(
        `SELECT writes.*, runs.connector FROM writes JOIN runs ON runs.id = writes.run_id
         WHERE writes.username = ? COLLATE NOCASE ORDER BY writes.id DESC LIMIT ?`,
      )
      .all(username, limit) as (WriteRow & { connector: string })[];
    return rows.map((r) => ({ ...toWrite(r), connector: r.connector }));
  }

  getState(connector: string, key: string): string | undefined {
    const row = this.db.prepare(`SELECT value FROM state WHERE connector = ? AND key = ?`).get(connector, key) as
      { value: string } | undefined;
    return row?.value;
  }

  setState(connector: string, key: string, value: string | undefined): void {
    if (value === undefined) {
      this.db.prepare(`DELETE FROM state WHERE connector = ? AND key = ?`).run(connector, key);
    } else {
      this.db
        .prepare(
          `INSERT INTO state (connector, key, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value`,
        )
        .run(connector, key, value);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private clean(value: string | null): string | null {
    return value === null ? null : this.redact(value);
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

function toWrite(r: WriteRow): WriteRecord {
  return {
    id: r.id,
    runId: r.run_id,
    username: r.username,
    kind: r.kind,
    key: r.key,
    before: r.before,
    after: r.after,
    status: r.status,
    message: r.message,
    at: r.at,
  };
}

function toRun(r: RunRow): RunRecord {
  let stats: Record<string, unknown> = {};
  try {
    stats = JSON.parse(r.stats) as Record<string, unknown>;
  } catch {
    stats = {};
  }
  return { ...r, stats };
}

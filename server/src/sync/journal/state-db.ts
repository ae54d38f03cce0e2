import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';

/**
 * The state file: one SQLite database (better-sqlite3, WAL) beside the config in `.usersync/state.db`.
 * The directory is created 0700 and the file 0600 before SQLite opens it (SQLite gives -wal/-shm the
 * database file's mode), so profile data and run history are readable by the owner only.
 */

export type StateDb = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  connector TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  trigger TEXT NOT NULL,
  status TEXT NOT NULL,
  stats TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS writes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  username TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  before TEXT,
  after TEXT,
  status TEXT NOT NULL,
  message TEXT,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS writes_by_run ON writes(run_id, username);
CREATE TABLE IF NOT EXISTS state (
  connector TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (connector, key)
);
`;

/** `.usersync/state.db` in the directory of the config file. */
export function defaultStatePath(configFile: string): string {
  return path.join(path.dirname(path.resolve(configFile)), '.usersync', 'state.db');
}

/** A state file that cannot be opened or is not one; the message names the file and why. */
export class StateFileError extends Error {}

/** The first bytes of every SQLite 3 database file (sqlite.org/fileformat.html, "The Database Header"). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function openStateDb(file: string): StateDb {
  try {
    refuseOtherFiles(file);
    return openDb(file);
  } catch (e) {
    if (e instanceof StateFileError) throw e;
    throw new StateFileError(`cannot open the state file ${file}: ${reasonOf(e)}`);
  }
}

/**
 * A path that holds something else (a directory, the config file given to --state by mistake) is refused
 * before its mode is changed or SQLite writes to it. An empty file is a state file that was never written.
 */
function refuseOtherFiles(file: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) throw new StateFileError(`cannot open the state file ${file}: it is a directory`);
  if (stat.size === 0) return;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER))
    throw new StateFileError(`${file} is not a usersync state file (not an SQLite database); it was left as it is`);
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a directory';
  if (code === 'EROFS') return 'the file system is read-only';
  return e instanceof Error ? e.message : String(e);
}

function openDb(file: string): StateDb {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL syncs at checkpoints rather than at every commit: a power loss may drop the last
  // transactions but never corrupts the file, and a killed process loses nothing (the WAL is written).
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

/** `PRAGMA integrity_check`: [] when the file is sound, otherwise SQLite's findings. */
export function integrityCheck(db: StateDb): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const found = rows.map((r) => r.integrity_check);
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

import * as fs from 'fs';
import * as path from 'path';
import { isSkippedFolder, USERSYNC_FILE } from '../usersync-files';

/**
 * The files a command is given, each folder replaced by the usersync files below it (`*.usersync`,
 * `*.usersync.yaml`, `*.usersync.yml`) in name order, skipping node_modules, build output and dot-folders
 * (`.git`, `.usersync`). A folder with none is reported and counted: a CI step pointed at the wrong folder
 * should fail, not pass on nothing. Anything else is passed on as named, for the reader to judge.
 */
export function expandFolders(paths: string[], report: (message: string) => void): { files: string[]; empty: number } {
  const files: string[] = [];
  let empty = 0;
  for (const given of paths) {
    if (!isFolder(given)) {
      files.push(given);
      continue;
    }
    const found = usersyncFilesUnder(given);
    if (found.length === 0) {
      report(`usersync: ${given}: no .usersync or .usersync.yaml file in this folder`);
      empty++;
    }
    files.push(...found);
  }
  return { files, empty };
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function usersyncFilesUnder(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !isSkippedFolder(e.name)) out.push(...usersyncFilesUnder(full));
    else if (e.isFile() && USERSYNC_FILE.test(e.name)) out.push(full);
  }
  return out;
}

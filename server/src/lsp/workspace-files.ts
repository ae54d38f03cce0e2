import { promises as fs, type Dirent } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { FileChangeType, NotificationType } from 'vscode-languageserver/node';
import { placedConnectors } from '../check/shared-targets';
import { keyWritesOf } from '../check/shared-targets-across-files';
import { referenceNamesOf } from '../features/reference-names';
import { parseDocument } from '../parse';
import { isSkippedFolder, USERSYNC_FILE } from '../usersync-files';
import type { ServerContext } from './context';
import { guardNotification } from './safe';

/** `usersync/workspaceFiles`: the client names the usersync files of the workspace (not necessarily open). */
export const WorkspaceFilesNotification = new NotificationType<{ uris: string[] }>('usersync/workspaceFiles');

/**
 * Files the client announced (its workspace folders, the notification above, or
 * workspace/didChangeWatchedFiles) are read once each time they change, for the env/secret names used in them
 * and for the keys their connectors write (shared-target-key across files).
 */
export function registerWorkspaceFiles(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onNotification(
    WorkspaceFilesNotification,
    guardNotification(connection, 'usersync/workspaceFiles', async (p) => {
      for (const uri of (p?.uris ?? []).slice(0, 2000)) await index(ctx, uri);
    }),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'didChangeWatchedFiles', async (p) => {
      for (const change of p?.changes ?? []) {
        if (change.type === FileChangeType.Deleted) forget(ctx, change.uri);
        else await index(ctx, change.uri);
      }
    }),
  );
}

async function index(ctx: ServerContext, uri: string): Promise<void> {
  if (!USERSYNC_FILE.test(uri) || !uri.startsWith('file:')) return;
  try {
    const text = await fs.readFile(fileURLToPath(uri), 'utf8');
    const { document } = parseDocument(text, uri);
    ctx.references.set(uri, referenceNamesOf(document));
    ctx.keyWrites.set(uri, keyWritesOf(text, placedConnectors(document)));
  } catch {
    forget(ctx, uri);
  }
}

function forget(ctx: ServerContext, uri: string): void {
  ctx.references.delete(uri);
  ctx.keyWrites.delete(uri);
}

const MAX_FILES = 500;
const MAX_DEPTH = 6;

/** Reads the usersync files under the workspace folders (bounded: depth, count; skips node_modules and build output). */
export async function scanWorkspaceFolders(ctx: ServerContext, folderUris: readonly string[]): Promise<void> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (found.length >= MAX_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !isSkippedFolder(e.name)) await walk(full, depth + 1);
      else if (e.isFile() && USERSYNC_FILE.test(e.name)) found.push(pathToFileURL(full).toString());
    }
  };
  for (const uri of folderUris) if (uri.startsWith('file:')) await walk(fileURLToPath(uri), 0);
  for (const uri of found) await index(ctx, uri);
}

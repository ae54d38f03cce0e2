import * as path from 'path';
import { renderUserWrites } from '../../../server/src/cli/output/writes-view';
import type { UserWritesJson } from '../results';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { withEngine } from '../sync-flow';
import { askUser, chooseFile, connectorsOf, targetFromArgs } from '../targets';
import { requireTrust } from '../trust';

/**
 * UserSync: Show what was written to a user — a login (given as {uri, user}, or picked among the file's pinned
 * users, or typed); `usersync history --user L` puts every value written to that user, newest first, with the
 * run and connector of each, in the output channel. Reads the journal only.
 */
export function showUserWrites(s: Services) {
  return async (arg?: unknown): Promise<UserWritesJson | undefined> => {
    if (!requireTrust('Reading the run history')) return undefined;
    const uri = targetFromArgs(arg)?.uri ?? (await chooseFile(arg));
    if (!uri) return undefined;
    const user = targetFromArgs(arg)?.user ?? (await askUser((await connectorsOf(uri)).flatMap((c) => c.users)));
    if (!user) return undefined;
    const state = readSettings(uri).statePath;
    const args = ['history', uri.fsPath, '--user', user, '--format', 'json', ...(state ? ['--state', state] : [])];
    const r = await withEngine(`reading the writes to ${user}`, (_progress, token) =>
      s.cli.json<UserWritesJson>({ args, cwd: path.dirname(uri.fsPath), token }),
    );
    if (!r.value) return undefined;
    s.log.block(`written to ${user}, newest first:\n${renderUserWrites(r.value.data.writes, user)}`);
    s.log.show();
    return r.value.data;
  };
}

import * as path from 'path';
import { renderRunWrites } from '../../../server/src/cli/output/writes-view';
import type { RunWritesJson } from '../results';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { withEngine } from '../sync-flow';
import { requireTrust } from '../trust';
import { pickRun } from './history';

/**
 * UserSync: Show what a run wrote — pick a run (or {uri, runId}); `usersync history --run N` puts every value it
 * wrote, before and after, with the target's answer, in the output channel. Reads the journal only.
 */
export function showRunWrites(s: Services) {
  return async (arg?: unknown): Promise<RunWritesJson | undefined> => {
    if (!requireTrust('Reading the run history')) return undefined;
    const picked = await pickRun(s, arg, { none: 'no runs yet for this file.', placeHolder: 'Which run?' });
    if (!picked) return undefined;
    const { uri, runId } = picked;
    const state = readSettings(uri).statePath;
    const args = [
      'history',
      uri.fsPath,
      '--run',
      String(runId),
      '--format',
      'json',
      ...(state ? ['--state', state] : []),
    ];
    const r = await withEngine(`reading run #${runId}`, (_progress, token) =>
      s.cli.json<RunWritesJson>({ args, cwd: path.dirname(uri.fsPath), token }),
    );
    if (!r.value) return undefined;
    const { data } = r.value;
    s.log.block(
      `run #${data.run.id} ${data.run.connector} (${data.run.trigger}, ${data.run.status}):\n${renderRunWrites(data.writes)}`,
    );
    s.log.show();
    return data;
  };
}

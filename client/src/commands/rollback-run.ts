import * as path from 'path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { withEngine, type SyncOutcome } from '../sync-flow';
import { requireTrust } from '../trust';
import { pickRun } from './history';

export interface RollbackOutcome {
  runId?: number;
  exitCode?: number | null;
  output?: string;
  stopped?: SyncOutcome['stopped'];
  error?: string;
}

/**
 * UserSync: Roll back a run — pick a run (or {uri, runId}), confirm (setting usersync.confirmBeforeWrite),
 * then `usersync rollback <file> <id> --yes`: restores the values the run wrote where nothing changed them since.
 */
export function rollbackRun(s: Services) {
  return async (arg?: unknown): Promise<RollbackOutcome | undefined> => {
    if (!requireTrust('Rolling back a run')) return undefined;
    const picked = await pickRun(s, arg, {
      eligible: (r) => r.trigger !== 'rollback' && r.updated > 0,
      none: 'no run that wrote anything to roll back.',
      placeHolder: 'Which run to roll back?',
    });
    if (!picked) return undefined;
    const { uri, runId } = picked;
    const settings = readSettings(uri);
    if (settings.confirmBeforeWrite) {
      const answer = await vscode.window.showWarningMessage(
        `Roll back run #${runId}?`,
        {
          modal: true,
          detail:
            'Restores the values this run wrote, where nothing changed them since. The rollback is journaled as its own run.',
        },
        'Roll back',
      );
      if (answer !== 'Roll back') return { runId, stopped: 'declined' };
    }
    const r = await withEngine(`rolling back run #${runId}`, async (progress, token) => {
      const outcome = await s.cli.run({
        args: [
          'rollback',
          uri.fsPath,
          String(runId),
          '--yes',
          ...(settings.statePath ? ['--state', settings.statePath] : []),
        ],
        cwd: path.dirname(uri.fsPath),
        token,
        onStderr: (line) => progress.report({ message: line }),
      });
      s.log.block(s.secrets.redactText(outcome.stdout));
      return outcome;
    });
    if (!r.value) return { runId, stopped: r.stopped, error: r.error };
    const lines = r.value.stdout.split('\n');
    const nothing = lines.includes('nothing to restore; nothing was written');
    // the first line counts what is restored; with nothing to restore, the line that says why
    const first = (nothing ? lines.find((l) => l.includes('already rolled back')) : undefined) ?? lines[0] ?? '';
    const ok = r.value.exitCode === 0;
    const reason = r.value.stderr
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('usersync: '))
      ?.slice(10);
    const done = nothing ? `nothing to restore in run #${runId}` : `rolled back run #${runId}`;
    const status = nothing ? `nothing to roll back in #${runId}` : `rolled back #${runId}`;
    const text = ok ? status : `rollback #${runId}: ${reason ?? 'failed'}`;
    s.status.set(uri, { text, detail: s.secrets.redactText(r.value.stdout.trim() || reason || ''), ok });
    const failed = `rollback of run #${runId} failed: ${reason ?? 'see the output'}`;
    const message = `UserSync: ${ok ? `${done} — ${first}` : failed}`;
    if (ok) void vscode.window.showInformationMessage(s.secrets.redactText(message));
    else
      void vscode.window
        .showErrorMessage(s.secrets.redactText(message), 'Show Output')
        .then((c) => (c ? vscode.commands.executeCommand('usersync.showOutput') : undefined));
    return { runId, exitCode: r.value.exitCode, output: s.secrets.redactText(r.value.stdout) };
  };
}

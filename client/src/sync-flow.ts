import * as path from 'path';
import * as vscode from 'vscode';
import { namedUsersNotDone } from '../../server/src/sync/engine/named-users';
import { CliFailure } from './cli-runner';
import { planLines, planSummary, plural, runsSummary, type PreviewJson, type RunsJson } from './results';
import type { Services } from './services';
import { readSettings } from './settings';
import { describe, saveIfDirty, type SyncTarget } from './targets';

/**
 * The engine flows behind the sync commands: preview (plan only), and write = preview, show the plan,
 * ask (setting usersync.confirmBeforeWrite), run. Each step is a cancellable progress notification;
 * results go to the output channel, the status bar and a notification.
 */

export interface SyncOutcome {
  plan?: PreviewJson;
  runs?: RunsJson['runs'];
  /** Why nothing (more) happened: the user declined or cancelled, there was nothing to do, or the CLI failed. */
  stopped?: 'declined' | 'cancelled' | 'nothing to change' | 'failed';
  error?: string;
}

function targetArgs(target: SyncTarget): string[] {
  return [
    target.uri.fsPath,
    ...(target.connector ? ['--connector', target.connector] : []),
    ...(target.user !== undefined ? ['--user', target.user] : []),
  ];
}

type Progress = vscode.Progress<{ message?: string }>;

export async function planTarget(
  s: Services,
  target: SyncTarget,
  token: vscode.CancellationToken,
  progress: Progress,
): Promise<PreviewJson> {
  await saveIfDirty(target.uri);
  progress.report({ message: 'reading the IdP and the target…' });
  const { data } = await s.cli.json<PreviewJson>({
    args: ['preview', ...targetArgs(target), '--format', 'json'],
    cwd: path.dirname(target.uri.fsPath),
    token,
    onStderr: (line) => progress.report({ message: line }),
  });
  s.log.line(`preview ${describe(target)}: ${planSummary(data.stats)}`);
  for (const w of data.warnings)
    s.log.line(`  warning ${w.code} ${[w.user, w.key].filter(Boolean).join(' ')}: ${w.message}`);
  return data;
}

export async function writeTarget(
  s: Services,
  target: SyncTarget,
  token: vscode.CancellationToken,
  progress: Progress,
): Promise<RunsJson> {
  const settings = readSettings(target.uri);
  progress.report({ message: 'writing…' });
  const { data, outcome } = await s.cli.json<RunsJson>({
    args: [
      'run',
      ...targetArgs(target),
      '--yes',
      '--format',
      'json',
      '--concurrency',
      String(settings.concurrency),
      ...(settings.statePath ? ['--state', settings.statePath] : []),
    ],
    cwd: path.dirname(target.uri.fsPath),
    token,
    onStderr: (line) => progress.report({ message: line }),
  });
  const summary = runsSummary(data.runs);
  s.log.block(summary.detail);
  s.status.set(target.uri, { ...summary, ok: summary.ok && outcome.exitCode === 0 });
  return data;
}

/** Runs `work` in a cancellable progress notification; a CLI failure becomes an error notification. */
export async function withEngine<T>(
  title: string,
  work: (progress: Progress, token: vscode.CancellationToken) => Promise<T>,
): Promise<{ value?: T; stopped?: SyncOutcome['stopped']; error?: string }> {
  let cancelled = false;
  try {
    const value = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `UserSync: ${title}`, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => (cancelled = true));
        return work(progress, token);
      },
    );
    return { value };
  } catch (e) {
    const message = e instanceof CliFailure || e instanceof Error ? e.message : String(e);
    if (cancelled) return { stopped: 'cancelled', error: message };
    void vscode.window
      .showErrorMessage(`UserSync: ${title} failed: ${message}`, 'Show Output')
      .then((c) => (c ? vscode.commands.executeCommand('usersync.showOutput') : undefined));
    return { stopped: 'failed', error: message };
  }
}

/** A step that did not finish: the status bar says so for the file (a cancelled step is not a failure). */
export function failed(
  s: Services,
  target: SyncTarget,
  r: { stopped?: SyncOutcome['stopped']; error?: string },
): SyncOutcome {
  if (r.stopped === 'failed') s.status.set(target.uri, { text: 'failed', detail: r.error ?? '', ok: false });
  return { stopped: r.stopped, error: r.error };
}

/** Preview, confirm, write: Run full sync and Sync this user. */
export async function syncTarget(s: Services, target: SyncTarget): Promise<SyncOutcome> {
  const planned = await withEngine(`previewing ${describe(target)}`, (progress, token) =>
    planTarget(s, target, token, progress),
  );
  if (!planned.value) return failed(s, target, planned);
  return applyPlan(s, target, planned.value);
}

/** Confirm (when the setting asks for it) and write an already previewed plan: the sync commands and the preview's Apply. */
export async function applyPlan(s: Services, target: SyncTarget, plan: PreviewJson): Promise<SyncOutcome> {
  const notDone = target.user !== undefined ? namedUsersNotDone(plan.warnings).notDone : [];
  if (plan.changes.length === 0 && notDone.length > 0) {
    // the user asked for is not in the IdP or the target (or is skipped): the CLI's run would fail for it
    const error = notDone.map((n) => n.message).join('; ');
    s.status.set(target.uri, { text: 'not synced', detail: error, ok: false });
    void vscode.window.showWarningMessage(`UserSync: ${describe(target)} cannot be synced: ${error}.`);
    return { plan, stopped: 'failed', error };
  }
  if (plan.changes.length === 0) {
    s.status.set(target.uri, { text: 'in sync', detail: planSummary(plan.stats), ok: true });
    void vscode.window.showInformationMessage(
      `UserSync: ${describe(target)} is in sync — nothing to write (${planSummary(plan.stats)}).`,
    );
    return { plan, stopped: 'nothing to change' };
  }
  if (readSettings(target.uri).confirmBeforeWrite) {
    const detail = [planSummary(plan.stats), '', ...planLines(plan)].join('\n');
    const answer = await vscode.window.showWarningMessage(
      `Write ${plural(plan.stats.changes, 'change')} to ${plural(plan.stats.changedUsers, 'user')} of ${describe(target)}?`,
      { modal: true, detail },
      'Write',
    );
    if (answer !== 'Write') return { plan, stopped: 'declined' };
  }
  const written = await withEngine(`syncing ${describe(target)}`, (progress, token) =>
    writeTarget(s, target, token, progress),
  );
  if (!written.value) return { plan, ...failed(s, target, written) };
  const summary = runsSummary(written.value.runs);
  const message = `UserSync: ${describe(target)} — ${summary.text}.`;
  if (summary.ok) void vscode.window.showInformationMessage(message);
  else
    void vscode.window
      .showWarningMessage(message, 'Show Output')
      .then((c) => (c ? vscode.commands.executeCommand('usersync.showOutput') : undefined));
  return { plan, runs: written.value.runs };
}

import * as vscode from 'vscode';
import { parseJson } from '../cli-runner';
import { plural } from '../results';
import type { Services } from '../services';
import { withEngine } from '../sync-flow';
import { findConfigFiles } from '../targets';
import { requireTrust } from '../trust';

/** One finding of `usersync validate --format json` (1-based positions). */
export interface FileFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
}

export interface ValidateOutcome {
  files: number;
  errors: number;
  warnings: number;
  exitCode: number | null;
  findings: FileFinding[];
}

/**
 * UserSync: Validate workspace — `usersync validate <every config file> --format json`, including files
 * that are not open (open ones already have live diagnostics). Findings are listed in the output channel.
 */
export function validateWorkspace(s: Services) {
  return async (): Promise<ValidateOutcome | undefined> => {
    if (!requireTrust('Validating with the CLI')) return undefined;
    const files = await findConfigFiles();
    if (files.length === 0) {
      void vscode.window.showInformationMessage('UserSync: no .usersync or .usersync.yaml files in this workspace.');
      return { files: 0, errors: 0, warnings: 0, exitCode: 0, findings: [] };
    }
    await vscode.workspace.saveAll(false);
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const r = await withEngine(`validating ${plural(files.length, 'file')}`, (_p, token) =>
      s.cli.run({ args: ['validate', ...files.map((f) => f.fsPath), '--format', 'json'], cwd, token }),
    );
    if (!r.value) return undefined;
    const findings = parseJson<FileFinding[]>(r.value.stdout) ?? [];
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const text = `${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    s.log.line(`validate: ${text}`);
    for (const f of findings)
      s.log.line(
        `  ${vscode.workspace.asRelativePath(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`,
      );
    const failed = errors > 0 || (r.value.exitCode !== 0 && findings.length === 0);
    if (failed) {
      void vscode.window
        .showErrorMessage(`UserSync: ${text}.`, 'Show Output')
        .then((c) => (c ? vscode.commands.executeCommand('usersync.showOutput') : undefined));
    } else void vscode.window.showInformationMessage(`UserSync: ${text}.`);
    return { files: files.length, errors, warnings, exitCode: r.value.exitCode, findings };
  };
}

import * as vscode from 'vscode';
import type { Services } from '../services';
import { isUsersyncDocument } from '../status-bar';

/**
 * UserSync: Store secret — a value for secret("name"), kept in SecretStorage. Offers the names the active
 * file uses and the ones already stored; the value is typed in a password box. Tests pass {name, value}.
 */
export function storeSecret(s: Services) {
  return async (arg?: { name?: string; value?: string }): Promise<string | undefined> => {
    const name = arg?.name ?? (await askName(s));
    if (!name) return undefined;
    const value =
      arg?.value ??
      (await vscode.window.showInputBox({
        prompt: `Value of secret("${name}") — stored in the OS keychain, never in settings or files`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v ? undefined : 'Enter the value'),
      }));
    if (!value) return undefined;
    await s.secrets.store(name, value);
    s.log.line(`stored secret "${name}"`);
    void vscode.window.showInformationMessage(`UserSync: stored secret "${name}".`);
    return name;
  };
}

function namesInActiveFile(): string[] {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isUsersyncDocument(doc)) return [];
  return [...doc!.getText().matchAll(/secret\(\s*"([^"\\\r\n]+)"\s*\)/g)].map((m) => m[1]);
}

async function askName(s: Services): Promise<string | undefined> {
  const stored = new Set(s.secrets.names());
  const names = [...new Set([...namesInActiveFile(), ...stored])];
  const other = '$(edit) Another name…';
  const picked =
    names.length === 0
      ? other
      : (
          await vscode.window.showQuickPick(
            [
              ...names.map((n) => ({
                label: n,
                description: stored.has(n) ? 'stored — replace' : 'used in this file, not stored',
              })),
              { label: other },
            ],
            { placeHolder: 'Which secret("…")?' },
          )
        )?.label;
  if (picked !== other) return picked;
  const typed = await vscode.window.showInputBox({
    prompt: 'Secret name, as in secret("name")',
    validateInput: (v) => (/^[A-Za-z0-9_.-]+$/.test(v.trim()) ? undefined : 'Letters, digits, _ . - only'),
  });
  return typed?.trim() || undefined;
}

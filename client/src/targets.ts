import * as vscode from 'vscode';
import { isUsersyncDocument } from './status-bar';

/**
 * What an engine command works on: a config file, optionally one connector and one IdP user. Code lenses
 * pass {uri, connector[, user]}; from the palette the active editor gives the file and the server's own
 * lenses tell which connectors and pinned users it declares (a regex on the text when there are none).
 */

export interface SyncTarget {
  uri: vscode.Uri;
  connector?: string;
  user?: string;
}

export interface ConnectorInfo {
  name: string;
  /** Users pinned with `user "…"` lines. */
  users: string[];
}

interface LensArgs {
  uri?: string | vscode.Uri;
  connector?: string;
  user?: string;
}

/** The target named by a command's first argument, if it names one. */
export function targetFromArgs(arg: unknown): SyncTarget | undefined {
  if (arg instanceof vscode.Uri) return { uri: arg };
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as LensArgs;
  if (a.uri === undefined) return undefined;
  const uri = typeof a.uri === 'string' ? vscode.Uri.parse(a.uri) : a.uri;
  return { uri, connector: a.connector || undefined, user: a.user || undefined };
}

/** The file to work on: the argument, the active usersync editor, or the user's pick among the workspace's files. */
export async function chooseFile(arg: unknown): Promise<vscode.Uri | undefined> {
  const fromArgs = targetFromArgs(arg);
  if (fromArgs) return fromArgs.uri;
  const active = vscode.window.activeTextEditor?.document;
  if (isUsersyncDocument(active)) return active!.uri;
  const files = await findConfigFiles();
  if (files.length === 1) return files[0];
  const pick = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: 'Which UserSync file?' },
  );
  return pick?.uri;
}

export function findConfigFiles(): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(
    '**/*.{usersync,usersync.yaml,usersync.yml}',
    '**/{node_modules,.git,.usersync}/**',
  );
}

/** The connectors a file declares, with their pinned users, in file order. */
export async function connectorsOf(uri: vscode.Uri): Promise<ConnectorInfo[]> {
  const byName = new Map<string, ConnectorInfo>();
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 200);
  for (const lens of lenses ?? []) {
    const cmd = lens.command;
    if (!cmd?.command.startsWith('usersync.')) continue;
    const args = targetFromArgs(cmd.arguments?.[0]);
    if (!args?.connector) continue;
    const info = byName.get(args.connector) ?? { name: args.connector, users: [] };
    byName.set(args.connector, info);
    if (args.user && !info.users.includes(args.user)) info.users.push(args.user);
  }
  if (byName.size > 0) return [...byName.values()];
  const doc = await vscode.workspace.openTextDocument(uri);
  return scanText(doc.getText());
}

/** Fallback when the server gives no lenses: `connector name {` and `user "login"` in the .usersync form. */
export function scanText(text: string): ConnectorInfo[] {
  const out: ConnectorInfo[] = [];
  const re = /^\s*connector\s+([A-Za-z_][A-Za-z0-9_]*)|^\s*user\s+"((?:[^"\\\r\n]|\\.)*)"/gm;
  for (const m of text.matchAll(re)) {
    if (m[1]) out.push({ name: m[1], users: [] });
    else if (m[2] && out.length > 0) out[out.length - 1].users.push(m[2]);
  }
  return out;
}

export const ALL_CONNECTORS = Symbol('all connectors');

/** One connector (asked when there are several), ALL_CONNECTORS, or undefined when the user backs out. */
export async function chooseConnector(
  uri: vscode.Uri,
  connectors: ConnectorInfo[],
  allowAll: boolean,
): Promise<string | typeof ALL_CONNECTORS | undefined> {
  if (connectors.length === 0) return ALL_CONNECTORS;
  if (connectors.length === 1) return connectors[0].name;
  type Item = vscode.QuickPickItem & { value: string | typeof ALL_CONNECTORS };
  const items: Item[] = connectors.map((c) => ({ label: c.name, value: c.name }));
  if (allowAll)
    items.unshift({
      label: '$(list-flat) All connectors',
      value: ALL_CONNECTORS,
      description: `${connectors.length} in this file`,
    });
  const pick = await vscode.window.showQuickPick(items, {
    placeHolder: `Which connector of ${vscode.workspace.asRelativePath(uri)}?`,
  });
  return pick?.value;
}

/** Resolves a target from a lens argument or by asking; `needsUser` asks for a login (offering pinned users). */
export async function resolveTarget(
  arg: unknown,
  options: { needsUser: boolean; allowAll: boolean },
): Promise<SyncTarget | undefined> {
  const given = targetFromArgs(arg);
  const uri = given?.uri ?? (await chooseFile(arg));
  if (!uri) return undefined;
  let connector = given?.connector;
  let user = given?.user;
  if (!connector || (options.needsUser && !user)) {
    const connectors = await connectorsOf(uri);
    if (!connector) {
      const chosen = await chooseConnector(uri, connectors, options.allowAll && !options.needsUser);
      if (chosen === undefined) return undefined;
      connector = chosen === ALL_CONNECTORS ? undefined : chosen;
    }
    if (options.needsUser && !user) {
      user = await askUser(connectors.find((c) => c.name === connector)?.users ?? connectors.flatMap((c) => c.users));
      if (!user) return undefined;
    }
  }
  return { uri, connector, user };
}

/** A login: one of `pinned`, or typed (directly when there is none to offer). */
export async function askUser(pinned: string[]): Promise<string | undefined> {
  if (pinned.length === 0) return askLogin();
  const other = '$(edit) Another user…';
  const pick = await vscode.window.showQuickPick([...pinned, other], {
    placeHolder: 'Which user? (pinned users of the connector, or another login)',
  });
  if (pick === other) return askLogin();
  return pick;
}

async function askLogin(): Promise<string | undefined> {
  const login = await vscode.window.showInputBox({
    prompt: 'IdP login of the user (UPN, Okta login or Google primary email)',
    placeHolder: 'alice@contoso.com',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a login'),
  });
  return login?.trim() || undefined;
}

/** The CLI reads the file from disk: save unsaved edits first. */
export async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
}

export function describe(target: SyncTarget): string {
  const where = target.connector ?? vscode.workspace.asRelativePath(target.uri);
  return target.user ? `${target.user} (${where})` : where;
}

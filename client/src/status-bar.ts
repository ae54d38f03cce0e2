import * as vscode from 'vscode';

export interface LastResult {
  /** Short text, e.g. "3 users updated". */
  text: string;
  detail: string;
  ok: boolean;
  at: Date;
}

export function isUsersyncDocument(doc: vscode.TextDocument | undefined): boolean {
  return (
    doc !== undefined &&
    (doc.languageId === 'usersync' || doc.languageId === 'usersync-yaml' || /\.usersync(\.ya?ml)?$/.test(doc.uri.path))
  );
}

/** One status-bar item: the last preview/run/rollback result of the file in the active editor. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('usersync.lastResult', vscode.StatusBarAlignment.Left, 50);
  private readonly results = new Map<string, LastResult>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item.name = 'UserSync';
    this.item.command = 'usersync.showOutput';
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.refresh());
    this.refresh();
  }

  set(uri: vscode.Uri, result: Omit<LastResult, 'at'>): void {
    this.results.set(uri.toString(), { ...result, at: new Date() });
    // no text editor has focus (the preview view, a notification): show the file that was just worked on
    if (!vscode.window.activeTextEditor) this.shown = uri;
    this.refresh();
  }

  get(uri: vscode.Uri): LastResult | undefined {
    return this.results.get(uri.toString());
  }

  /** What the item shows now (tests read it: the item itself cannot be inspected through the API). */
  current(): { text: string; tooltip: string; visible: boolean } {
    return this.shown
      ? { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), visible: true }
      : { text: '', tooltip: '', visible: false };
  }

  /** The usersync file whose result is shown; kept while focus is in a view that is not a text editor. */
  private shown?: vscode.Uri;

  private refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) this.shown = isUsersyncDocument(doc) ? doc.uri : undefined;
    if (!this.shown) {
      this.item.hide();
      return;
    }
    const last = this.results.get(this.shown.toString());
    this.item.text = last ? `$(${last.ok ? 'check' : 'warning'}) UserSync: ${last.text}` : '$(sync) UserSync';
    this.item.tooltip = last
      ? `${last.detail}\n${last.at.toLocaleTimeString()} — click for the output`
      : 'UserSync: no run yet for this file';
    this.item.backgroundColor = last && !last.ok ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

import * as vscode from 'vscode';

/**
 * The "UserSync" output channel. Every line goes through the redactor first, so a stored secret
 * (or its base64/URL/JSON form) never reaches the channel, even when the CLI echoes it.
 */
export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('UserSync');

  constructor(private readonly redact: (text: string) => string) {}

  line(text: string): void {
    this.channel.appendLine(this.redact(text));
  }

  /** Appends a block of CLI output line by line, without a trailing empty line. */
  block(text: string): void {
    for (const l of text.replace(/\r?\n$/, '').split(/\r?\n/)) this.line(l);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

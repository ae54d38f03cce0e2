import * as vscode from 'vscode';
import { redactor } from '../../server/src/sync/secrets/redact';
import { secretEnvName } from '../../server/src/sync/secrets/resolve';

const KEY_PREFIX = 'usersync.secret:';
const NAMES_KEY = 'usersync.secretNames';

/**
 * secret("name") values, kept in VS Code's SecretStorage (the OS keychain). SecretStorage cannot list its
 * keys, so the names (never the values) are remembered in globalState. Values reach the engine only through
 * the child's environment as USERSYNC_SECRET_<NAME>; a cached copy feeds the output redactor. Session values
 * (the sandbox token) travel and are redacted the same way, but are never stored.
 */
export class SecretStore {
  private readonly values = new Map<string, string>();
  /** Environment variables for children that are secret but not stored (the sandbox token). */
  private readonly session = new Map<string, string>();
  private redact: (text: string) => string = (t) => t;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Loads the stored values once at activation (for the redactor). */
  async load(): Promise<void> {
    for (const name of this.names()) {
      const value = await this.context.secrets.get(KEY_PREFIX + name);
      if (value !== undefined) this.values.set(name, value);
    }
    this.rebuild();
  }

  names(): string[] {
    return this.context.globalState.get<string[]>(NAMES_KEY, []);
  }

  async store(name: string, value: string): Promise<void> {
    await this.context.secrets.store(KEY_PREFIX + name, value);
    const names = new Set(this.names());
    names.add(name);
    await this.context.globalState.update(NAMES_KEY, [...names].sort());
    this.values.set(name, value);
    this.rebuild();
  }

  async delete(name: string): Promise<void> {
    await this.context.secrets.delete(KEY_PREFIX + name);
    await this.context.globalState.update(
      NAMES_KEY,
      this.names().filter((n) => n !== name),
    );
    this.values.delete(name);
    this.rebuild();
  }

  /** Sets (or with undefined removes) a secret environment variable handed to every child, never stored. */
  setSessionEnv(name: string, value: string | undefined): void {
    if (value === undefined) this.session.delete(name);
    else this.session.set(name, value);
    this.rebuild();
  }

  /** USERSYNC_SECRET_<NAME> variables (and the session ones) for a child process. */
  env(): Record<string, string> {
    const env: Record<string, string> = Object.fromEntries(this.session);
    for (const [name, value] of this.values) env[secretEnvName(name)] = value;
    return env;
  }

  /** Replaces every stored secret value (and its encoded forms) with ***. */
  redactText(text: string): string {
    return this.redact(text);
  }

  private rebuild(): void {
    this.redact = redactor([...this.values.values(), ...this.session.values()]);
  }
}

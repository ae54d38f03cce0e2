import type { CliRunner } from './cli-runner';
import type { Log } from './log';
import type { PreviewView } from './preview-view';
import type { SecretStore } from './secrets';
import type { StatusBar } from './status-bar';

/** What the commands share; built once in activate(). */
export interface Services {
  extensionPath: string;
  cli: CliRunner;
  secrets: SecretStore;
  log: Log;
  status: StatusBar;
  preview: PreviewView;
}

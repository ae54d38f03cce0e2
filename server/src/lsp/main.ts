import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { applyRuntimeFlags } from './node-flags';
import { logError } from './safe';
import { startServer } from './server';

/**
 * Entry of the language server process. The transport comes from the command line:
 * `--stdio`, `--node-ipc` or `--socket=<port>` (vscode-languageserver reads process.argv).
 */
export function main(): void {
  applyRuntimeFlags();
  const connection = createConnection(ProposedFeatures.all);
  // The server must outlive any defect in a handler: log it and carry on.
  process.on('uncaughtException', (e) => logError(connection, 'uncaught exception', e));
  process.on('unhandledRejection', (e) => logError(connection, 'unhandled rejection', e));
  startServer(connection);
  connection.listen();
}

if (require.main === module) main();

// Bundles the three entry points with esbuild: the language server, the CLI and the VS Code client.
// better-sqlite3 stays external (native module); vscode is provided by the editor.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: process.env.USERSYNC_SOURCEMAP === '1',
  minify: process.env.USERSYNC_MINIFY === '1',
  logLevel: 'warning',
  external: ['vscode', 'better-sqlite3'],
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
]);

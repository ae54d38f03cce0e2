// Bundles the three entry points with esbuild (options in bundle-options.mjs): the language server,
// the CLI and the VS Code client.
import { build } from 'esbuild';
import { cliOptions, clientOptions, serverOptions } from './bundle-options.mjs';

await Promise.all([
  build(serverOptions('dist/server.js')),
  build(cliOptions('dist/cli.js')),
  build(clientOptions('dist/client.js')),
]);

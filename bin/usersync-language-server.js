#!/usr/bin/env -S node --max-semi-space-size=1 --optimize-for-size --single-threaded-gc --v8-pool-size=1
'use strict';
// The usersync language server. Transport from the command line: --stdio (editors such as Neovim),
// --node-ipc (VS Code's TransportKind.ipc) or --socket=<port>.
// The #! line carries the server's memory flags (server/src/lsp/node-flags.ts; `env -S` splits them).
// Runs the bundle when built (dist/server.js), otherwise the TypeScript sources through tsx (development).
const path = require('path');
const fs = require('fs');
const bundled = path.join(__dirname, '..', 'dist', 'server.js');
let mod;
if (fs.existsSync(bundled) && !process.env.USERSYNC_FROM_SOURCE) {
  mod = require(bundled);
} else {
  require('tsx/cjs');
  mod = require('../server/src/lsp/main.ts');
}
mod.main();

#!/usr/bin/env node
'use strict';
// The usersync language server. Transport from the command line: --stdio (editors such as Neovim),
// --node-ipc (VS Code's TransportKind.ipc) or --socket=<port>.
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

#!/usr/bin/env -S node --max-semi-space-size=1 --optimize-for-size --single-threaded-gc --v8-pool-size=1
'use strict';
// The usersync language server. Transport from the command line: --stdio (editors such as Neovim),
// --node-ipc (VS Code's TransportKind.ipc) or --socket=<port>.
// The #! line carries the server's memory flags (server/src/lsp/node-flags.ts; `env -S` splits them).
// Runs the bundle when it is built and up to date, otherwise the TypeScript sources (bin/entry.js).
const mod = require('./entry').load('server.js', 'server/src/lsp/main.ts');
mod.main();

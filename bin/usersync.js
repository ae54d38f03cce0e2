#!/usr/bin/env -S node --min-semi-space-size=16 --max-semi-space-size=16
'use strict';
// Runs the bundled CLI when it is built and up to date, otherwise the TypeScript sources (bin/entry.js).
// The #! line carries the engine's memory flags (server/src/cli/node-flags.ts; `env -S` splits them).
const mod = require('./entry').load('cli.js', 'server/src/cli/main.ts');
mod.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

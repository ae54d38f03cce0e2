#!/usr/bin/env -S node --max-semi-space-size=8
'use strict';
// Runs the bundled CLI when built (dist/), otherwise the TypeScript sources through tsx (development).
// The #! line carries the engine's memory flag (server/src/cli/node-flags.ts; `env -S` splits it).
const path = require('path');
const fs = require('fs');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
let mod;
if (fs.existsSync(bundled) && !process.env.USERSYNC_FROM_SOURCE) {
  mod = require(bundled);
} else {
  require('tsx/cjs');
  mod = require('../server/src/cli/main.ts');
}
mod.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

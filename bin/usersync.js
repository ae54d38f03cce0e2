#!/usr/bin/env node
'use strict';
// Runs the bundled CLI when built (dist/), otherwise the TypeScript sources through tsx (development).
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

'use strict';
// What a launcher runs: the bundle in dist/ when it is built and newer than every source file, otherwise
// the TypeScript sources through tsx. A checkout pulled or edited without `npm run build` thus runs what it
// holds, not an older build (with a line on stderr saying so); an install without the sources (a container
// image) runs its bundle. USERSYNC_FROM_SOURCE=1 always runs the sources.
const path = require('path');
const fs = require('fs');

const ROOT = path.join(__dirname, '..');
const SOURCES = path.join(ROOT, 'server', 'src');

/** The module of this part: `bundle` in dist/ or `source` (relative to the repository root). */
exports.load = function load(bundle, source) {
  const bundled = path.join(ROOT, 'dist', bundle);
  if (!process.env.USERSYNC_FROM_SOURCE && fs.existsSync(bundled)) {
    if (!fs.existsSync(SOURCES) || newestChange(SOURCES) <= fs.statSync(bundled).mtimeMs) return require(bundled);
    if (!canLoad('tsx/cjs')) return require(bundled);
    process.stderr.write(
      `usersync: dist/${bundle} is older than server/src; running the sources (npm run build refreshes it)\n`,
    );
  }
  require('tsx/cjs');
  return require(path.join(ROOT, source));
};

/** The latest modification time of a .ts file or folder under `dir` (270 files: a few milliseconds). */
function newestChange(dir) {
  let newest = fs.statSync(dir).mtimeMs;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json'))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function canLoad(id) {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}

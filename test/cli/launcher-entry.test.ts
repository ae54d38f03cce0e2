import { strict as assert } from 'assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');

/**
 * bin/entry.js in a copy of the repository's layout: dist/part.js (the bundle) and server/src/part.ts (the
 * source) each say which one they are, with their modification times set by the case.
 */
function layout(parts: { bundle?: number; source?: number }): { load(): { which: string }; stderr: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'usersync-entry-'));
  roots.push(root);
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(REPO, 'bin', 'entry.js'), path.join(root, 'bin', 'entry.js'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  const at = (file: string, seconds: number, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    utimesSync(file, seconds, seconds);
    utimesSync(path.dirname(file), seconds, seconds);
  };
  if (parts.bundle !== undefined) at(path.join(root, 'dist', 'part.js'), parts.bundle, "exports.which = 'bundle';");
  if (parts.source !== undefined)
    at(path.join(root, 'server', 'src', 'part.ts'), parts.source, "export const which: string = 'source';");
  const stderr: string[] = [];
  return {
    stderr,
    load() {
      const write = process.stderr.write;
      process.stderr.write = ((chunk: string) => stderr.push(chunk)) as unknown as typeof process.stderr.write;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const entry = require(path.join(root, 'bin', 'entry.js')) as {
          load(bundle: string, source: string): { which: string };
        };
        return entry.load('part.js', 'server/src/part.ts');
      } finally {
        process.stderr.write = write;
      }
    },
  };
}

const roots: string[] = [];

describe('the launchers run the bundle only when it is up to date (bin/entry.js)', () => {
  const saved = process.env.USERSYNC_FROM_SOURCE;
  beforeEach(() => delete process.env.USERSYNC_FROM_SOURCE);
  after(() => {
    if (saved === undefined) delete process.env.USERSYNC_FROM_SOURCE;
    else process.env.USERSYNC_FROM_SOURCE = saved;
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  it('runs the bundle when it is newer than every source file', () => {
    const l = layout({ bundle: 2_000_000_000, source: 1_000_000_000 });
    assert.equal(l.load().which, 'bundle');
    assert.deepEqual(l.stderr, []);
  });

  it('runs the sources, and says so, when a source file changed after the build', () => {
    const l = layout({ bundle: 1_000_000_000, source: 2_000_000_000 });
    assert.equal(l.load().which, 'source');
    assert.match(l.stderr.join(''), /dist\/part\.js is older than server\/src; running the sources/);
  });

  it('runs the bundle of an install without sources (a container image, the VSIX)', () => {
    assert.equal(layout({ bundle: 1_000_000_000 }).load().which, 'bundle');
  });

  it('runs the sources when nothing is built, or when USERSYNC_FROM_SOURCE is set', () => {
    assert.equal(layout({ source: 1_000_000_000 }).load().which, 'source');
    process.env.USERSYNC_FROM_SOURCE = '1';
    assert.equal(layout({ bundle: 2_000_000_000, source: 1_000_000_000 }).load().which, 'source');
  });
});

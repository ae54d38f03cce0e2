import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../../server/src/check';

const CHECK_SOURCES = path.join(__dirname, '../../server/src/check');
const TESTS = __dirname;

function readAll(dir: string, suffix: string, except = ''): string {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix) && f !== except)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('checks: the code table', () => {
  it('has unique kebab-case codes with a summary each', () => {
    const seen = new Set<string>();
    for (const c of CODES) {
      assert.match(c.code, /^[a-z]+(-[a-z]+)*$/, c.code);
      assert.ok(!seen.has(c.code), `duplicate ${c.code}`);
      seen.add(c.code);
      assert.ok(c.summary.length > 10 && c.summary.endsWith('.'), `${c.code}: summary`);
    }
  });

  it('uses both severities that matter and hints', () => {
    const severities = new Set(CODES.map((c) => c.severity));
    for (const s of ['error', 'warning', 'hint'] as const) assert.ok(severities.has(s), s);
  });

  it('lists only codes that some check reports (parse codes come from the parser)', () => {
    const sources = readAll(CHECK_SOURCES, '.ts').replace(/code\('[^']+'/g, '');
    // reported by the parsers (syntax, YAML form) and by convert, tested in test/syntax, test/yaml and test/cli
    const parser = new Set([
      'syntax-error',
      'unexpected-character',
      'unterminated-string',
      'nesting-too-deep',
      'yaml-syntax',
      'yaml-unknown-key',
      'yaml-wrong-type',
      'yaml-missing-type',
      'yaml-duplicate-key',
      'cannot-convert',
    ]);
    for (const c of CODES) {
      if (parser.has(c.code)) continue;
      assert.ok(sources.includes(`'${c.code}'`), `no check reports '${c.code}'`);
    }
  });

  it('has every code covered by a test (test/check; test/syntax, test/yaml and test/cli for the parsers and convert)', () => {
    const tests = [
      readAll(TESTS, '.test.ts', path.basename(__filename)),
      readAll(path.join(TESTS, '../yaml'), '.test.ts'),
      readAll(path.join(TESTS, '../cli'), '.test.ts'),
      readAll(path.join(TESTS, '../syntax'), '.test.ts'),
    ].join('\n');
    const untested = CODES.filter((c) => !tests.includes(`'${c.code}'`)).map((c) => c.code);
    assert.deepEqual(untested, []);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODES } from '../../server/src/check';
import { FUNCTIONS } from '../../server/src/model/functions/registry';
import { BLOCK_SPECS, CONNECTOR_OPTIONS } from '../../server/src/model/settings';
import { docFile, generator } from './generator';

const { DOC_FILES, docStatus, fillRegions, main, REPO_ROOT } = generator;
const LANGUAGE = docFile('docs/language.md');

function read(rel: string, root = REPO_ROOT): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

/** The first line where two texts differ, for a failure message a person can act on. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, k) => line !== e[k]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}:\n  file:     ${a[at] ?? '(end)'}\n  expected: ${e[at] ?? '(end)'}`;
}

/** The text of one generated region of a document. */
function region(text: string, name: string): string {
  const start = text.indexOf(`<!-- generated:${name} -->`);
  const end = text.indexOf(`<!-- /generated:${name} -->`);
  assert.ok(start >= 0 && end > start, `region ${name}`);
  return text.slice(start, end);
}

describe('docs/language.md', () => {
  it('is what scripts/generate-docs.ts writes (after changing settings, functions, checks or commands, run `npx tsx scripts/generate-docs.ts`)', () => {
    const status = docStatus(LANGUAGE);
    assert.deepEqual(status.problems, []);
    if (status.stale)
      assert.fail(`docs/language.md is out of date, ${firstDifference(read(LANGUAGE.path), status.expected ?? '')}`);
  });

  const doc = read(LANGUAGE.path);

  it('lists every check code with its severity and summary', () => {
    const checks = region(doc, 'checks');
    for (const c of CODES) assert.ok(checks.includes(`| \`${c.code}\` | ${c.severity} |`), c.code);
  });

  it('lists every setting of every source and target under its block, and every connector option', () => {
    const settings = region(doc, 'settings');
    for (const block of BLOCK_SPECS) {
      const heading = `### ${block.role} ${block.type}`;
      const from = settings.indexOf(heading);
      assert.ok(from >= 0, heading);
      const next = settings.indexOf('\n### ', from + heading.length);
      const section = settings.slice(from, next < 0 ? undefined : next);
      for (const s of block.settings) assert.ok(section.includes(`| \`${s.name}\` |`), `${heading}: ${s.name}`);
    }
    for (const o of CONNECTOR_OPTIONS) assert.ok(region(doc, 'options').includes(`| \`${o.name}\` |`), o.name);
  });

  it('documents every function with its signature and example', () => {
    const functions = region(doc, 'functions');
    for (const f of FUNCTIONS.values()) {
      assert.ok(functions.includes(`### ${f.name}\n`), f.name);
      assert.ok(functions.includes(`\`${f.signature}\``), f.signature);
      assert.ok(functions.includes(f.doc), `${f.name}: doc`);
    }
  });
});

describe('scripts/generate-docs.ts', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-docs-'));
    fs.mkdirSync(path.join(root, 'docs'));
    for (const d of DOC_FILES) fs.copyFileSync(path.join(REPO_ROOT, d.path), path.join(root, d.path));
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('--check exits 1 on a stale generated region and leaves the file alone; a run rewrites it and --check passes', () => {
    const file = path.join(root, LANGUAGE.path);
    const original = fs.readFileSync(file, 'utf8');
    const stale = original.replace(/(\| `duplicate-user` \| )warning/, '$1error');
    assert.notEqual(stale, original);
    fs.writeFileSync(file, stale);
    const log: string[] = [];

    assert.equal(main(['--check'], { root, log: (l) => log.push(l) }), 1);
    assert.equal(fs.readFileSync(file, 'utf8'), stale);
    assert.ok(
      log.some((l) => l.includes('docs/language.md is out of date')),
      log.join('\n'),
    );

    assert.equal(main([], { root, log: () => undefined }), 0);
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.equal(main(['--check'], { root, log: () => undefined }), 0);
  });

  it('refuses a file that lost a required region, and does not write it', () => {
    const file = path.join(root, LANGUAGE.path);
    const cut = fs
      .readFileSync(file, 'utf8')
      .replace(/<!-- generated:checks -->[\s\S]*<!-- \/generated:checks -->\n/, '');
    fs.writeFileSync(file, cut);
    const log: string[] = [];
    assert.equal(main([], { root, log: (l) => log.push(l) }), 1);
    assert.equal(fs.readFileSync(file, 'utf8'), cut);
    assert.ok(
      log.some((l) => l.includes("region 'checks' is missing")),
      log.join('\n'),
    );
  });
});

describe('fillRegions', () => {
  const render = (name: string): string | undefined => (name === 'a' ? 'new A\nsecond line' : undefined);

  it('replaces the body between a pair of markers and keeps every other byte', () => {
    const text = 'intro\n<!-- generated:a -->\nold\n<!-- /generated:a -->\n  outro with trailing space \n';
    const result = fillRegions(text, render);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.regions, ['a']);
    assert.equal(
      result.text,
      'intro\n<!-- generated:a -->\nnew A\nsecond line\n<!-- /generated:a -->\n  outro with trailing space \n',
    );
  });

  it('reports a region it does not know and keeps its text', () => {
    const text = '<!-- generated:zzz -->\nkept\n<!-- /generated:zzz -->';
    const result = fillRegions(text, render);
    assert.equal(result.text, text);
    assert.match(result.problems.join('\n'), /no region 'zzz'/);
  });

  it('reports an opening marker without its closing marker, and a closing marker without its opening one', () => {
    const unclosed = fillRegions('<!-- generated:a -->\nbody\n<!-- generated:a -->\n', render);
    assert.match(unclosed.problems.join('\n'), /line 1: region 'a' is not closed/);
    const stray = fillRegions('text\n<!-- /generated:a -->\n', render);
    assert.match(stray.problems.join('\n'), /line 2: closing marker of 'a' without its opening marker/);
  });
});

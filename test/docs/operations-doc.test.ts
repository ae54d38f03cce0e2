import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildProgram } from '../../server/src/cli/main';
import { docFile, generator } from './generator';

const { docStatus, REPO_ROOT } = generator;
const OPERATIONS = docFile('docs/operations.md');
const read = (rel: string): string => fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');

/** The members of a string-literal union type, read from the source that declares it. */
function unionMembers(file: string, typeName: string): string[] {
  const source = read(file);
  const decl = new RegExp(`export type ${typeName} =([^;]*);`).exec(source);
  assert.ok(decl, `${typeName} in ${file}`);
  return [...decl[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** Flags written after `usersync <command>` (up to a backtick, a pipe or the end of the line). */
function mentionedFlags(text: string): { command: string; flag: string; line: string }[] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const out: { command: string; flag: string; line: string }[] = [];
  for (const line of joined.split('\n')) {
    for (const m of line.matchAll(/\busersync(?:\.js)? ([a-z]+)([^`|\n]*)/g)) {
      for (const f of m[2].matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)) out.push({ command: m[1], flag: f[1], line });
    }
  }
  return out;
}

describe('docs/operations.md', () => {
  it('is what scripts/generate-docs.ts writes (after changing a command, run `npx tsx scripts/generate-docs.ts`)', () => {
    const status = docStatus(OPERATIONS);
    assert.deepEqual(status.problems, []);
    assert.ok(!status.stale, 'docs/operations.md is out of date: run `npx tsx scripts/generate-docs.ts`');
  });

  const doc = read(OPERATIONS.path);

  it('explains every status a run can have in the journal', () => {
    for (const status of unionMembers('server/src/sync/journal/journal.ts', 'RunStatus')) {
      assert.ok(doc.includes(`| \`${status}\` |`), status);
    }
  });

  it('explains every warning a plan can carry', () => {
    for (const code of unionMembers('server/src/sync/plan/plan-types.ts', 'PlanWarningCode')) {
      assert.ok(doc.includes(`| \`${code}\` |`), code);
    }
  });
});

describe('commands in the docs', () => {
  const program = buildProgram();
  const flagsOf = (name: string): string[] | undefined => {
    const cmd = program.commands.find((c) => c.name() === name);
    return cmd && [...cmd.options.flatMap((o) => [o.long ?? '', o.short ?? '']), '--help'];
  };

  const wrongFlags = (text: string): string[] =>
    mentionedFlags(text)
      .filter((m) => {
        const flags = flagsOf(m.command);
        return flags !== undefined && !flags.includes(m.flag);
      })
      .map((m) => `usersync ${m.command} ${m.flag}: ${m.line.trim()}`);

  for (const file of ['docs/operations.md', 'docs/language.md', 'README.md']) {
    it(`${file} names only flags the commands have`, () => {
      assert.deepEqual(wrongFlags(read(file)), []);
    });
  }

  it('finds the flags it checks (a check that sees none would always pass)', () => {
    const found = mentionedFlags(read('docs/operations.md')).map((m) => `${m.command} ${m.flag}`);
    for (const expected of ['run --yes', 'history --state', 'preview --format', 'fmt --check', 'rollback --state']) {
      assert.ok(found.includes(expected), expected);
    }
    assert.deepEqual(
      mentionedFlags('`usersync run x --yes --nope` and usersync.js rollback f 1 \\\n  --state s').map((m) => m.flag),
      ['--yes', '--nope', '--state'],
    );
    assert.deepEqual(wrongFlags('`usersync run x --yes --nope`'), [
      'usersync run --nope: `usersync run x --yes --nope`',
    ]);
  });
});

import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isUserError, runCli } from './run-cli';

const VALID = `connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_id     = "5d2a0e7c-1b9f-4c1e-9a57-3f0c2b7d9e11"
    client_secret = env("AZURE_CLIENT_SECRET")
  }
  target jira {
    url   = "https://jira.contoso.com"
    token = secret("jira-pat")
  }

  match username = lower(userPrincipalName)

  map property "Department" = department
}
`;

const WITH_ERRORS = `connector contoso_jira {
  source azure { tenant = "contoso.onmicrosoft.com" client_id = "x" client_secret = env("S")
    colour = "blue" }
  target jira { url = "https://jira-test.contoso.com" token = secret("jira-pat") }
  match username = lower(userPrincipalName)
  map property "Department" = departmnt
}
`;

const BROKEN = 'connector a {\n  map property "A" = \n}\n';

describe('CLI: validate, fmt and convert', () => {
  let dir: string;
  const file = (name: string, content?: string | Buffer): string => {
    const p = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-cli-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('validate', () => {
    it('prints nothing but the summary for a valid file and exits 0', async () => {
      const r = await runCli(['validate', file('ok.usersync', VALID)]);
      assert.deepEqual(r, { code: 0, stdout: '', stderr: 'no problems in 1 file\n' });
    });

    it('prints file:line:col severity code message lines sorted by position and exits 1 on errors', async () => {
      const bad = file('bad.usersync', WITH_ERRORS);
      const r = await runCli(['validate', file('ok.usersync', VALID), bad]);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines[0], `${bad}:3:5 error unknown-setting source azure has no setting 'colour'`);
      assert.match(
        lines[1],
        new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:31 error unknown-attribute 'departmnt'`),
      );
      assert.equal(r.stderr, '2 errors in 2 files\n');
    });

    it('fails a file that run would refuse for having no connector (empty, or only comments)', async () => {
      const notes = file('notes.usersync', '# the HR connector moves here next week\n');
      const r = await runCli(['validate', notes, file('empty.usersync.yaml', '')]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /notes\.usersync:1:1 error no-connector this file declares no connector/);
      assert.match(r.stdout, /empty\.usersync\.yaml:1:1 error no-connector /);
    });

    it('tells each of two files of a key that a connector of the other writes to the same Jira', async () => {
      const first = file('employees.usersync', VALID);
      const second = file('contractors.usersync', VALID.replace('contoso_jira', 'contractors'));
      const alone = await runCli(['validate', second]);
      assert.deepEqual([alone.code, alone.stdout], [0, ''], 'one file alone has nothing to compare');
      const r = await runCli(['validate', dir]);
      assert.equal(r.code, 0, 'information only');
      const lines = r.stdout.trimEnd().split('\n').sort();
      assert.deepEqual(lines, [
        `${second}:14:16 information shared-target-key connector 'contoso_jira' in ${first}:14 writes property ` +
          "'Department' to this jira too; where both connectors read the same people, each run undoes the other's",
        `${first}:14:16 information shared-target-key connector 'contractors' in ${second}:14 writes property ` +
          "'Department' to this jira too; where both connectors read the same people, each run undoes the other's",
      ]);
    });

    it('reports syntax errors of both forms', async () => {
      const yaml = file('c.usersync.yaml', 'connectors:\n  c:\n    source:\n      - x\n');
      const r = await runCli(['validate', file('broken.usersync', BROKEN), yaml]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /broken\.usersync:3:1 error syntax-error /);
      assert.match(r.stdout, /c\.usersync\.yaml:4:7 error yaml-wrong-type /);
    });

    it('prints one JSON array with 1-based positions for --format json', async () => {
      const bad = file('bad.usersync', WITH_ERRORS);
      const r = await runCli(['validate', '--format', 'json', bad]);
      assert.equal(r.code, 1);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      assert.deepEqual(rows[0], {
        file: bad,
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 11,
        severity: 'error',
        code: 'unknown-setting',
        message: "source azure has no setting 'colour'",
      });
      assert.equal(r.stderr, '', 'json mode keeps stderr for failures only');
    });

    it('exits 0 when there are only warnings', async () => {
      const noMaps = VALID.replace(/\n  map property .*\n/, '\n');
      const r = await runCli(['validate', file('warn.usersync', noMaps)]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /warning no-mappings /);
    });

    it('checks every usersync file below a folder, skipping node_modules, dot-folders and other YAML', async () => {
      for (const sub of ['conf/team', 'conf/node_modules/pkg', 'conf/.usersync'])
        fs.mkdirSync(path.join(dir, sub), { recursive: true });
      file('conf/a.usersync', VALID);
      file('conf/team/b.usersync', WITH_ERRORS);
      file('conf/team/c.usersync.yaml', 'connectors: [oops\n');
      file('conf/node_modules/pkg/d.usersync', BROKEN);
      file('conf/.usersync/e.usersync', BROKEN);
      file('conf/deployment.yaml', 'kind: CronJob: [\n');
      const r = await runCli(['validate', path.join(dir, 'conf')]);
      assert.equal(r.code, 1);
      const files = [
        ...new Set(
          r.stdout
            .trimEnd()
            .split('\n')
            .map((l) => path.relative(dir, l.split(':')[0])),
        ),
      ];
      assert.deepEqual(files, [path.join('conf', 'team', 'b.usersync'), path.join('conf', 'team', 'c.usersync.yaml')]);
      assert.match(r.stderr, / in 3 files\n$/);
    });

    it('refuses a folder that holds no usersync file (exit 2), so that CI does not pass on nothing', async () => {
      fs.mkdirSync(path.join(dir, 'empty'));
      file('empty/deployment.yaml', 'kind: CronJob\n');
      const r = await runCli(['validate', path.join(dir, 'empty')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /empty: no \.usersync or \.usersync\.yaml file in this folder\n/);
    });
  });

  describe('fmt', () => {
    it('rewrites files in place, lists them, and leaves formatted files alone', async () => {
      const messy = file('messy.usersync', 'connector a {  match username=mail }');
      const tidy = file('tidy.usersync', VALID);
      const r = await runCli(['fmt', messy, tidy]);
      assert.deepEqual(r, { code: 0, stdout: `${messy}\n`, stderr: '' });
      assert.equal(fs.readFileSync(messy, 'utf8'), 'connector a {\n  match username = mail\n}\n');
      assert.equal(fs.readFileSync(tidy, 'utf8'), VALID);
    });

    it('formats the YAML form too', async () => {
      const yaml = file('a.usersync.yaml', 'connectors:\n    a:\n        match: {username: mail}\n');
      assert.equal((await runCli(['fmt', yaml])).code, 0);
      assert.equal(fs.readFileSync(yaml, 'utf8'), 'connectors:\n  a:\n    match:\n      username: mail\n');
    });

    it('--check lists the files that would change, writes nothing and exits 1', async () => {
      const messy = file('messy.usersync', 'connector a {}\n\n\n');
      const r = await runCli(['fmt', '--check', messy, file('tidy.usersync', VALID)]);
      assert.deepEqual(r, { code: 1, stdout: `${messy}\n`, stderr: '' });
      assert.equal(fs.readFileSync(messy, 'utf8'), 'connector a {}\n\n\n');
      assert.equal((await runCli(['fmt', '--check', file('tidy.usersync')])).code, 0);
    });

    it('--check on a folder lists the files below it that would change', async () => {
      fs.mkdirSync(path.join(dir, 'conf'));
      const messy = file('conf/messy.usersync', 'connector a {}\n\n\n');
      file('conf/tidy.usersync', VALID);
      const r = await runCli(['fmt', '--check', path.join(dir, 'conf')]);
      assert.deepEqual(r, { code: 1, stdout: `${messy}\n`, stderr: '' });
    });

    it('refuses a file with syntax errors: prints them, leaves the file, exits 1', async () => {
      const broken = file('broken.usersync', BROKEN);
      const r = await runCli(['fmt', broken]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        /broken\.usersync:3:1 error syntax-error .*\nusersync: .*broken\.usersync: not formatted, it has syntax errors\n$/,
      );
      assert.equal(fs.readFileSync(broken, 'utf8'), BROKEN);
    });
  });

  describe('convert', () => {
    it('prints the YAML form on stdout', async () => {
      const r = await runCli(['convert', file('a.usersync', VALID), '--to', 'yaml']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^connectors:\n {2}contoso_jira:\n {4}source:\n {6}type: azure\n/);
    });

    it('writes --out and converts back to the same text', async () => {
      const yaml = file('a.usersync.yaml');
      assert.equal((await runCli(['convert', file('a.usersync', VALID), '--to', 'yaml', '--out', yaml])).code, 0);
      const back = await runCli(['convert', yaml, '--to', 'usersync']);
      assert.deepEqual(back, { code: 0, stdout: VALID, stderr: '' });
    });

    it('writes the other form when --to is left out', async () => {
      const yaml = await runCli(['convert', file('a.usersync', VALID)]);
      assert.equal(yaml.code, 0);
      assert.match(yaml.stdout, /^connectors:\n/);
      const back = await runCli(['convert', file('b.usersync.yaml', yaml.stdout)]);
      assert.deepEqual(back, { code: 0, stdout: VALID, stderr: '' });
    });

    it('refuses a file with syntax errors (exit 1) and a --to that names no form', async () => {
      const r = await runCli(['convert', file('broken.usersync', BROKEN), '--to', 'yaml']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /syntax-error/);
      assert.notEqual((await runCli(['convert', file('broken.usersync'), '--to', 'yml'])).code, 0);
      assert.equal((await runCli(['convert', file('broken.usersync')])).code, 1);
    });
  });

  describe('bad input files', () => {
    const commands: string[][] = [['validate'], ['fmt'], ['convert', '--to', 'yaml']];

    async function expectRefused(target: string, message: RegExp): Promise<void> {
      for (const command of commands) {
        const r = await runCli([...command, target]);
        assert.notEqual(r.code, 0, `${command[0]} exits non-zero`);
        assert.ok(isUserError(r.stderr), `${command[0]}: ${r.stderr}`);
        assert.match(r.stderr.split('\n')[0], message, command[0]);
      }
    }

    it('a missing file', async () => {
      await expectRefused(path.join(dir, 'nope.usersync'), /nope\.usersync: no such file$/);
    });

    it('a folder to convert, or one without usersync files to validate or format', async () => {
      const r = await runCli(['convert', '--to', 'yaml', dir]);
      assert.ok(r.code !== 0 && isUserError(r.stderr), r.stderr);
      assert.match(r.stderr.split('\n')[0], /is a directory, not a file$/);
      for (const command of ['validate', 'fmt']) {
        const v = await runCli([command, dir]);
        assert.equal(v.code, 2, command);
        assert.match(v.stderr.split('\n')[0], /no \.usersync or \.usersync\.yaml file in this folder$/, command);
      }
    });

    it('a binary file', async () => {
      await expectRefused(
        file('bin.usersync', Buffer.from([0x63, 0x6f, 0x00, 0x01])),
        /binary file \(NUL byte at offset 2\)/,
      );
    });

    it('a file that is not UTF-8, with the offset of the first bad byte', async () => {
      await expectRefused(
        file('latin1.usersync', Buffer.from('connector caf\xe9 {}', 'latin1')),
        /not valid UTF-8 \(first bad byte at offset 13\)/,
      );
    });

    it('a file over 10 MB', async () => {
      const big = file('big.usersync', '');
      fs.truncateSync(big, 50 * 1024 * 1024);
      await expectRefused(big, /file is 50\.0 MB; usersync reads at most 10 MB$/);
    });

    it('an unreadable file', async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads any file: the permission cannot be taken away here
      const locked = file('locked.usersync', VALID);
      fs.chmodSync(locked, 0o000);
      await expectRefused(locked, /locked\.usersync: permission denied$/);
    });
  });
});

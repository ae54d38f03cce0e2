import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  differingFiles,
  generateCatalogs,
  OUTPUT_DIR,
  REPO_ROOT,
  referenceDir,
} from '../../server/src/model/catalogs/generate';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'generate-catalogs.ts');

interface Row {
  path: string;
  maxLength?: number;
  returnedByDefault?: boolean;
}

function rows(name: string): Row[] {
  return (JSON.parse(generateCatalogs(referenceDir()).get(name) as string) as { attributes: Row[] }).attributes;
}

function runCheck(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--require', 'tsx/cjs', SCRIPT, '--check'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('scripts/generate-catalogs.ts', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-catalogs-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('produces exactly the committed catalogs (what CI checks with --check)', () => {
    assert.deepEqual(differingFiles(generateCatalogs(referenceDir())), []);
  });

  it('is deterministic: sorted paths, one-space indent, trailing newline', () => {
    const once = generateCatalogs(referenceDir());
    assert.deepEqual(generateCatalogs(referenceDir()), once);
    for (const [name, text] of once) {
      assert.ok(text.endsWith('}\n'), name);
      assert.ok(text.startsWith('{\n "idp"'), name);
      const paths = (JSON.parse(text) as { attributes: Row[] }).attributes.map((r) => r.path);
      const sorted = [...paths].sort((a, b) => {
        const la = a.toLowerCase();
        const lb = b.toLowerCase();
        return la !== lb ? (la < lb ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
      });
      assert.deepEqual(paths, sorted, name);
    }
  });

  it('reports a catalog that differs from what it would generate', () => {
    const expected = generateCatalogs(referenceDir());
    for (const [name, text] of expected) fs.writeFileSync(path.join(tmp, name), text);
    fs.writeFileSync(
      path.join(tmp, 'okta.json'),
      expected.get('okta.json')!.replace('"profile.login"', '"profile.logon"'),
    );
    fs.rmSync(path.join(tmp, 'google.json'));
    assert.deepEqual(
      differingFiles(expected, tmp).map((f) => path.basename(f)),
      ['okta.json', 'google.json'],
    );
  });

  it('--check exits 0 when up to date and 1 with a message when the reference changed', () => {
    assert.equal(runCheck({}).status, 0);
    // a writable copy of the reference (the shared one is read-only), with one attribute renamed
    const reference = path.join(tmp, 'reference');
    for (const dir of ['idp', 'samples']) {
      fs.mkdirSync(path.join(reference, dir), { recursive: true });
      for (const f of fs.readdirSync(path.join(referenceDir(), dir)).filter((n) => n.endsWith('.json'))) {
        fs.writeFileSync(path.join(reference, dir, f), fs.readFileSync(path.join(referenceDir(), dir, f)));
      }
    }
    const graph = path.join(reference, 'idp', 'graph-user.json');
    fs.writeFileSync(graph, fs.readFileSync(graph, 'utf8').replace('"jobTitle"', '"jobtitle"'));
    const result = runCheck({ USERSYNC_REFERENCE_DIR: reference });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /out of date: .*azure\.json/);
    assert.match(result.stderr, /npx tsx scripts\/generate-catalogs\.ts/);
  });

  it('reads USERSYNC_REFERENCE_DIR as the reference folder or its idp/ folder', () => {
    const reference = referenceDir();
    assert.equal(referenceDir({ USERSYNC_REFERENCE_DIR: reference }), reference);
    assert.equal(referenceDir({ USERSYNC_REFERENCE_DIR: path.join(reference, 'idp') }), reference);
    assert.equal(referenceDir({}), path.resolve(REPO_ROOT, '..', 'shared', 'reference'));
  });

  it('writes into server/src/model/catalogs/generated', () => {
    assert.equal(OUTPUT_DIR, path.join(REPO_ROOT, 'server', 'src', 'model', 'catalogs', 'generated'));
  });

  describe('Graph limits read from the description text (api-facts.md §1)', () => {
    const expected: Record<string, number> = {
      displayName: 256,
      givenName: 64,
      surname: 64,
      mailNickname: 64,
      mobilePhone: 64,
      department: 64,
      companyName: 64,
      jobTitle: 128,
      city: 128,
      state: 128,
      country: 128,
      postalCode: 40,
      streetAddress: 1024,
      employeeId: 16,
      'identities[].issuerAssignedId': 64,
      otherMails: 250,
    };
    for (let n = 1; n <= 15; n++) expected[`onPremisesExtensionAttributes.extensionAttribute${n}`] = 1024;

    it('gives each of them its documented maxLength', () => {
      const byPath = new Map(rows('azure.json').map((r) => [r.path, r]));
      for (const [p, max] of Object.entries(expected)) assert.equal(byPath.get(p)?.maxLength, max, p);
    });
  });

  it('marks as returned by default exactly the 11 properties of the default GET /users answer', () => {
    const defaults = rows('azure.json')
      .filter((r) => r.returnedByDefault === true)
      .map((r) => r.path)
      .sort();
    assert.deepEqual(defaults, [
      'businessPhones',
      'displayName',
      'givenName',
      'id',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
    ]);
    const sid = rows('azure.json').find((r) => r.path === 'securityIdentifier');
    assert.equal(sid?.returnedByDefault, false);
  });
});

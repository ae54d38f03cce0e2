import { strict as assert } from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SERVER } from './lsp-client';

function hasNeovim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface NeovimResult {
  ok: boolean;
  error?: string;
  attached: boolean;
  opened: { code: string; lnum: number }[];
  edited: { code: string; lnum: number }[];
  completion: string[];
  codeLens: { line: number; title: string; command: string }[];
  hover: string | null;
  stopped: boolean;
}

const CONFIG = [
  'connector wiki {',
  '  source okta { org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN") }',
  '  target confluence { url = "https://wiki.contoso.com"  token = secret("wiki-pat") }',
  '  match username = profile.logn',
  '}',
  '',
].join('\n');

/** Neovim's built-in LSP client (Debian's neovim 0.7) as an independent client of the real server process. */
describe('language server in Neovim', function () {
  this.timeout(30_000);
  let dir: string;
  let result: NeovimResult;

  before(async function () {
    if (!hasNeovim()) this.skip(); // reason: `nvim` is not installed here (CI installs Debian's neovim package)
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-nvim-'));
    const file = path.join(dir, 'wiki.usersync');
    const resultPath = path.join(dir, 'result.json');
    fs.writeFileSync(file, CONFIG);
    const env = {
      ...process.env,
      USERSYNC_NODE: process.execPath,
      USERSYNC_SERVER: SERVER,
      USERSYNC_FILE: file,
      USERSYNC_RESULT: resultPath,
      XDG_STATE_HOME: dir,
      XDG_DATA_HOME: dir,
    };
    const script = path.join(__dirname, 'neovim-client.lua');
    await new Promise<void>((resolve, reject) => {
      const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
        env,
        stdio: 'ignore',
      });
      const timer = setTimeout(() => (nvim.kill(), reject(new Error('nvim did not finish'))), 25_000);
      nvim.on('exit', () => (clearTimeout(timer), resolve()));
      nvim.on('error', (e) => (clearTimeout(timer), reject(e)));
    });
    result = JSON.parse(fs.readFileSync(resultPath, 'utf8')) as NeovimResult;
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the client script without a Lua error', () => {
    assert.equal(result.error, undefined);
    assert.equal(result.ok, true);
  });

  it('gets diagnostics on open', () => {
    assert.ok(result.attached);
    assert.deepEqual(
      result.opened.map((d) => [d.code, d.lnum]),
      [
        ['no-mappings', 0],
        ['custom-attribute', 3],
      ],
    );
  });

  it('gets fresh diagnostics after an edit sent as an incremental change', () => {
    assert.ok(
      result.edited.some((d) => d.code === 'syntax-error' && d.lnum === 5),
      JSON.stringify(result.edited),
    );
  });

  it('completes the Confluence profile fields after a half-typed `map profile `', () => {
    assert.deepEqual(result.completion, ['phone', 'im', 'website', 'position', 'department', 'location']);
  });

  it('shows the code lenses and a hover', () => {
    assert.deepEqual(
      result.codeLens.map((l) => [l.line, l.command]),
      [
        [0, 'usersync.runFullSync'],
        [0, 'usersync.preview'],
      ],
    );
    assert.match(result.hover ?? '', /`profile\.logn` — \*\*custom attribute\*\*/);
  });

  it('stops the server cleanly', () => {
    assert.equal(result.stopped, true);
  });
});

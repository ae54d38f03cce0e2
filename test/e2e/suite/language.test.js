// Editing features in a real VS Code: the extension starts the language server over IPC and the editor
// shows its diagnostics, completions, hovers and code lenses.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

describe('UserSync language features in VS Code', function () {
  before(async function () {
    this.timeout(60000);
    const api = await h.api();
    await h.waitFor(
      'the language server to start',
      () => api.languageClient() && api.languageClient().isRunning(),
      30000,
    );
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives .usersync and *.usersync.yaml files their own languages', async () => {
    const { doc } = await h.open('contoso.usersync');
    assert.strictEqual(doc.languageId, 'usersync');
    const yaml = await h.open('broken.usersync.yaml');
    assert.strictEqual(yaml.doc.languageId, 'usersync-yaml');
  });

  it('shows an error diagnostic on the misspelt attribute of a broken file', async () => {
    const { doc } = await h.open('broken.usersync');
    const diags = await h.waitFor('diagnostics for broken.usersync', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
      return d.length > 0 && d;
    });
    const line = h.after(doc, 'departmnt').line;
    const onLine = diags.filter((d) => d.range.start.line === line);
    assert.ok(
      onLine.length > 0,
      `an error on line ${line + 1}; got ${diags.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
    );
    assert.strictEqual(doc.getText(onLine[0].range), 'departmnt');
  });

  it('updates diagnostics as the text changes (fixing the mistake clears them)', async () => {
    const { doc, editor } = await h.open('broken.usersync');
    await h.waitFor('the first diagnostics', () => vscode.languages.getDiagnostics(doc.uri).length > 0);
    await h.replaceAll(editor, doc.getText().replace('departmnt', 'department'));
    await h.waitFor('no errors once fixed', () =>
      vscode.languages.getDiagnostics(doc.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
    );
  });

  it('shows diagnostics for the YAML form too', async () => {
    const { doc } = await h.open('broken.usersync.yaml');
    const diags = await h.waitFor('diagnostics for broken.usersync.yaml', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length > 0 && d;
    });
    assert.ok(
      diags.some((d) => d.range.start.line === h.after(doc, 'jobTitel').line),
      diags.map((d) => d.message).join('; '),
    );
  });

  it('completes the extension attributes after onPremisesExtensionAttributes.', async () => {
    const { doc, editor } = await h.open('contoso.usersync');
    const where = h.after(doc, 'onPremisesExtensionAttributes.extensionAttribute1');
    await editor.edit((e) => e.replace(new vscode.Range(where.translate(0, -'extensionAttribute1'.length), where), ''));
    const labels = await h.completionLabels(doc.uri, h.after(doc, 'onPremisesExtensionAttributes.'));
    for (const want of ['extensionAttribute1', 'extensionAttribute15'])
      assert.ok(labels.includes(want), `${want} in ${labels.join(', ')}`);
    assert.ok(!labels.includes('department'), 'only the members of onPremisesExtensionAttributes');
  });

  it('completes the Confluence profile fields after `map profile ` in a Confluence connector', async () => {
    const { doc, editor } = await h.open('wiki.usersync');
    const end = h.after(doc, 'map profile position = profile.title');
    await editor.edit((e) => e.insert(end, '\n  map profile '));
    const labels = await h.completionLabels(doc.uri, h.after(doc, '\n  map profile '));
    for (const want of ['phone', 'im', 'website', 'department', 'location'])
      assert.ok(labels.includes(want), `${want} in ${labels.join(', ')}`);
  });

  it('shows a hover on an attribute and on a function', async () => {
    const { doc } = await h.open('contoso.usersync');
    const text = async (pos) =>
      ((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)) || [])
        .flatMap((hv) => hv.contents.map((c) => (typeof c === 'string' ? c : c.value)))
        .join('\n');
    const onAttribute = await h.waitFor('a hover on department', () => text(h.inside(doc, '= department', 3)));
    assert.match(onAttribute, /department/i);
    const onFunction = await text(h.inside(doc, 'first(', 1));
    assert.match(onFunction, /first/);
  });

  it('puts code lenses on connectors and pinned users that name the extension commands', async () => {
    const { doc } = await h.open('contoso.usersync');
    const found = await h.waitFor('code lenses', async () => {
      const l = await h.lenses(doc.uri);
      return l.filter((x) => x.command).length >= 6 && l;
    });
    const commands = found
      .filter((l) => l.command)
      .map((l) => ({ id: l.command.command, arg: l.command.arguments[0], line: l.range.start.line }));
    const connectorLine = h.after(doc, 'connector contoso_jira').line;
    const aliceLine = h.after(doc, 'user "alice@contoso.com"').line;
    const at = (line) => commands.filter((c) => c.line === line);
    assert.deepStrictEqual(
      at(connectorLine)
        .map((c) => c.id)
        .sort(),
      ['usersync.preview', 'usersync.runFullSync'],
    );
    assert.deepStrictEqual(
      at(aliceLine)
        .map((c) => c.id)
        .sort(),
      ['usersync.previewUser', 'usersync.syncUser'],
    );
    const sync = at(aliceLine).find((c) => c.id === 'usersync.syncUser').arg;
    assert.strictEqual(sync.connector, 'contoso_jira');
    assert.strictEqual(sync.user, 'alice@contoso.com');
    assert.strictEqual(vscode.Uri.parse(sync.uri).fsPath, doc.uri.fsPath);
    const registered = await vscode.commands.getCommands(true);
    for (const c of commands) assert.ok(registered.includes(c.id), `${c.id} is a registered command`);
  });

  it('restarts the language server after it crashes', async function () {
    if (process.platform === 'win32') this.skip(); // finds the server process with ps
    const { execFileSync } = require('child_process');
    const serverPids = () =>
      execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => /server\.js|usersync-language-server/.test(l) && l.includes(`--clientProcessId=${process.pid}`))
        .map((l) => Number(l.trim().split(/\s+/)[0]));
    const [pid] = serverPids();
    assert.ok(pid, 'the server runs as a child of this extension host');
    process.kill(pid, 'SIGKILL');
    const restarted = await h.waitFor('a new server process', () => serverPids().find((p) => p !== pid), 20000);
    assert.ok(restarted);
    const { doc, editor } = await h.open('broken.usersync');
    await h.replaceAll(editor, doc.getText().replace('departmnt', 'departmentt'));
    await h.waitFor('diagnostics from the new server', () =>
      vscode.languages.getDiagnostics(doc.uri).some((d) => doc.getText(d.range) === 'departmentt'),
    );
  });

  it('starts the language server with its memory flags (server/src/lsp/node-flags.ts)', function () {
    if (process.platform === 'win32') this.skip(); // reads the server's command line with ps
    const { execFileSync } = require('child_process');
    const line = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
      .split('\n')
      .find((l) => /server\.js|usersync-language-server/.test(l) && l.includes(`--clientProcessId=${process.pid}`));
    assert.ok(line, 'the server runs as a child of this extension host');
    // the launcher's #! line holds the flags (test/lsp/node-flags.test.ts ties it to server/src/lsp/node-flags.ts)
    const launcher = path.join(__dirname, '..', '..', '..', 'bin', 'usersync-language-server.js');
    const flags = fs
      .readFileSync(launcher, 'utf8')
      .split('\n')[0]
      .split(' ')
      .filter((a) => a.startsWith('--'));
    assert.ok(flags.length > 0, 'the launcher names the flags');
    for (const flag of flags) assert.ok(line.split(/\s+/).includes(flag), `${flag} in: ${line}`);
  });

  it('shows the status bar item for a usersync file', async () => {
    await h.open('contoso.usersync');
    const api = await h.api();
    await h.waitFor('the status bar item', () => api.statusBar().visible);
    assert.match(api.statusBar().text, /UserSync/);
  });
});

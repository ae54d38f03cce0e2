// Shared by the extension-host tests: the workspace, waiting for the language server, the extension's API.
'use strict';
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'usersync.usersync';

function workspaceDir() {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error('the tests need a workspace folder (test/e2e/workspace)');
  return folder.uri.fsPath;
}

function fileUri(name) {
  return vscode.Uri.file(path.join(workspaceDir(), name));
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `ms`. */
async function waitFor(what, probe, ms = 20000, every = 100) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Position just after the first occurrence of `needle` in the document. */
function after(doc, needle) {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' is not in ${doc.uri.fsPath}`);
  return doc.positionAt(at + needle.length);
}

/** Position inside the first occurrence of `needle` (at its `offset`-th character). */
function inside(doc, needle, offset = 1) {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' is not in ${doc.uri.fsPath}`);
  return doc.positionAt(at + offset);
}

async function replaceAll(editor, text) {
  const doc = editor.document;
  await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
}

/** Completion labels at a position, as the editor's suggest widget gets them. */
async function completionLabels(uri, position) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

async function lenses(uri) {
  return (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100)) || [];
}

module.exports = {
  EXTENSION_ID,
  workspaceDir,
  fileUri,
  waitFor,
  api,
  open,
  after,
  inside,
  replaceAll,
  completionLabels,
  lenses,
};

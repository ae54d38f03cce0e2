import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  InlayHint,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { cursor, LspClient, positionOf, PULL_CLIENT } from './lsp-client';

const BROKEN = [
  'connector contoso_jira {',
  '  source azure {',
  '    tenant = "contoso.onmicrosoft.com"',
  '  }',
  '  target jira {',
  '    url   = "https://jira.contoso.com"',
  '    token = secret("jira-pat")',
  '  }',
  '  match username = lower(userPrincipalName)',
  '  schedule "0 */6 * * *"',
  '  map property "Department" = departmnt',
  '  map property "Badge" = onPremisesExtensionAttributes.extensionAttribute1',
  '  user "alice@contoso.com"',
  '}',
  '',
].join('\n');

const codes = (d: { code?: string | number }[]) => d.map((x) => String(x.code)).sort();

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'usersync', 0, text), edits);
}

describe('language server over stdio (push diagnostics)', function () {
  this.timeout(20_000);
  let client: LspClient;
  let init: InitializeResult;
  const uri = 'file:///work/contoso.usersync';

  before(async () => {
    client = LspClient.start();
    init = await client.initialize();
    await client.open(uri, BROKEN);
  });

  after(async () => {
    if (client.alive) await client.stop();
  });

  it('declares incremental sync and its features, and no pull diagnostics for a push client', () => {
    const caps = init.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('.'));
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.semanticTokensProvider?.legend.tokenTypes.includes('keyword'));
    assert.equal(caps.diagnosticProvider, undefined);
  });

  it('publishes the findings of a broken document on open', async () => {
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(codes(diagnostics), ['missing-setting', 'unknown-attribute', 'value-may-be-too-long']);
    const typo = diagnostics.find((d) => d.code === 'unknown-attribute');
    assert.deepEqual(typo?.range, { start: { line: 10, character: 30 }, end: { line: 10, character: 39 } });
    assert.equal(typo?.source, 'usersync');
  });

  it('publishes fresh findings after an incremental change', async () => {
    await client.change(uri, 2, [
      { range: { start: { line: 10, character: 30 }, end: { line: 10, character: 39 } }, text: 'department' },
    ]);
    assert.deepEqual(codes(await client.diagnostics(uri, 2)), ['missing-setting', 'value-may-be-too-long']);
    await client.change(uri, 3, [
      {
        range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } },
        text: '  map property "X" = manager.\n',
      },
    ]);
    const third = await client.diagnostics(uri, 3);
    assert.ok(
      third.some((d) => d.code === 'syntax-error' && d.range.start.line === 13),
      JSON.stringify(third),
    );
  });

  it('completes by cursor context: Confluence profile fields, nothing for Jira, the manager fields', async () => {
    const confluence = cursor(
      'connector w {\n  source okta { org_url = "https://o.okta.com"  token = env("T") }\n  target confluence { url = "https://w"  token = env("W") }\n  map profile |\n}\n',
    );
    const wiki = 'file:///work/wiki.usersync';
    await client.open(wiki, confluence.text);
    const fields = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: wiki },
      position: positionOf(confluence.text, confluence.offset),
    });
    assert.deepEqual(
      fields.items.map((i) => i.label),
      ['phone', 'im', 'website', 'position', 'department', 'location'],
    );
    assert.deepEqual(fields.items[0].textEdit, {
      range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } },
      newText: 'phone = ',
    });

    const jira = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 12, character: 30 },
    });
    assert.ok(
      jira.items.some((i) => i.label === 'mail') && jira.items.some((i) => i.label === 'displayName'),
      'after manager.',
    );
    const mail = jira.items.find((i) => i.label === 'mail');
    assert.equal(mail?.documentation, undefined, 'long lists carry documentation on resolve only');
    const resolved = await client.request<CompletionItem>('completionItem/resolve', mail);
    assert.match(typeof resolved.documentation === 'object' ? resolved.documentation.value : '', /manager\.mail/);
    const functions = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 12, character: 22 },
    });
    const first = functions.items.find((i) => i.label === 'first');
    assert.equal(first?.insertTextFormat, 2);
    assert.equal(
      first?.textEdit && 'newText' in first.textEdit ? first.textEdit.newText : '',
      'first(${1:value}, ${2:fallback})',
    );
  });

  it('explains an attribute on hover', async () => {
    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 11, character: 60 },
    });
    const value = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /extensionAttribute1/);
    assert.match(value, /Max length: 1024/);
    assert.deepEqual(hover.range, { start: { line: 11, character: 55 }, end: { line: 11, character: 74 } });
  });

  it('gives signature help with the active parameter', async () => {
    const doc = cursor(
      'connector s {\n  source azure { tenant = "t" }\n  map property "N" = join(", ", givenName, |\n}\n',
    );
    const suri = 'file:///work/sig.usersync';
    await client.open(suri, doc.text);
    const help = await client.request<SignatureHelp>('textDocument/signatureHelp', {
      textDocument: { uri: suri },
      position: positionOf(doc.text, doc.offset),
    });
    assert.equal(help.signatures[0].label, 'join(separator, value...)');
    assert.equal(help.activeParameter, 1);
  });

  it('names the run and sync commands in code lenses', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [0, '▶ Run full sync', 'usersync.runFullSync'],
        [0, 'Preview', 'usersync.preview'],
        [13, 'Sync this user', 'usersync.syncUser'],
        [13, 'Preview', 'usersync.previewUser'],
      ],
    );
    assert.deepEqual(lenses[2].command?.arguments, [{ uri, connector: 'contoso_jira', user: 'alice@contoso.com' }]);
  });

  it('outlines, folds, highlights and hints', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, 'contoso_jira');
    assert.ok(symbols[0].children?.some((c) => c.name === 'source azure'));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(
      folds.some((f) => f.startLine === 0 && f.endLine === 13),
      JSON.stringify(folds),
    );
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(tokens.data.slice(0, 5), [0, 0, 9, 0, 0], 'the first token is the connector keyword');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.equal(hints.length, 1);
    assert.equal(hints[0].position.line, 9);
    assert.match(String(hints[0].label), /6 hours/);
  });

  it('offers the fixes of findings as quick fixes', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } },
      context: { diagnostics: [] },
    });
    const add = actions.find((a) => a.kind === 'quickfix');
    assert.match(add?.title ?? '', /client_id/);
    assert.equal(add?.isPreferred, true);
    assert.equal(add?.diagnostics?.[0].code, 'missing-setting');
    assert.ok(add?.edit?.changes?.[uri]?.[0].newText.includes('client_id = '));
  });

  it('formats a document, and leaves one with syntax errors alone', async () => {
    const furi = 'file:///work/fmt.usersync';
    await client.open(furi, 'connector f {\nsource okta {org_url="https://o.okta.com" token=env("T")}\n}\n');
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: furi },
      options: { tabSize: 2, insertSpaces: true },
    });
    const formatted = apply('connector f {\nsource okta {org_url="https://o.okta.com" token=env("T")}\n}\n', edits);
    assert.match(formatted, /\n {2}source okta \{\n {4}org_url = "https:\/\/o\.okta\.com"\n/);
    const none = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(none, [], 'the document has a half-typed `manager.` line');
  });

  it('checks the YAML form too', async () => {
    const yuri = 'file:///work/c.usersync.yaml';
    await client.open(
      yuri,
      'connectors:\n  y:\n    source:\n      type: okta\n      org_url: https://o.okta.com\n      token: { env: OKTA_API_TOKEN }\n    match:\n      username: profile.logn\n',
    );
    const found = await client.diagnostics(yuri, 1);
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line]),
      [
        ['missing-target', 1],
        ['custom-attribute', 7],
      ],
    );
  });

  it('clears the findings of a closed document', async () => {
    await client.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: 'file:///work/wiki.usersync' },
    });
    const deadline = Date.now() + 5000;
    while (
      Date.now() < deadline &&
      !client.published.some(
        (p) => p.uri === 'file:///work/wiki.usersync' && p.diagnostics.length === 0 && p.version === undefined,
      )
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const last = [...client.published].reverse().find((p) => p.uri === 'file:///work/wiki.usersync');
    assert.deepEqual(last?.diagnostics, []);
  });

  it('shuts down and exits with code 0, having logged no handler failure', async () => {
    assert.deepEqual(
      client.logs.filter((l) => /failed/.test(l)),
      [],
    );
    assert.equal(await client.stop(), 0);
  });
});

describe('language server with pull diagnostics', function () {
  this.timeout(20_000);
  let client: LspClient;
  const uri = 'file:///work/pull.usersync';

  before(async () => {
    client = LspClient.start();
    const init = await client.initialize(PULL_CLIENT);
    assert.deepEqual(init.capabilities.diagnosticProvider, {
      identifier: 'usersync',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    await client.open(uri, BROKEN);
  });

  after(async () => {
    if (client.alive) await client.stop();
  });

  it('answers textDocument/diagnostic and pushes nothing', async () => {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes(report.kind === 'full' ? report.items : []), [
      'missing-setting',
      'unknown-attribute',
      'value-may-be-too-long',
    ]);
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: report.resultId,
    });
    assert.equal(again.kind, 'unchanged');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(client.published, []);
  });

  it('reports anew after a change', async () => {
    await client.change(uri, 2, [
      { range: { start: { line: 10, character: 30 }, end: { line: 10, character: 39 } }, text: 'department' },
    ]);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: '1:0',
    });
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes(report.kind === 'full' ? report.items : []), ['missing-setting', 'value-may-be-too-long']);
  });
});

import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp-client';

/** A small deterministic generator (the failures must be reproducible). */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const START = [
  'connector a {',
  '  source azure { tenant = "t"  client_id = "c"  client_secret = env("S") }',
  '  target confluence { url = "https://w"  token = secret("w") }',
  '  match username = lower(userPrincipalName)',
  '  schedule "0 */6 * * *"',
  '  map profile phone = first(mobilePhone, businessPhones[0])',
  '  map property "Badge" = onPremisesExtensionAttributes.extensionAttribute1',
  '  user "alice@contoso.com"',
  '}',
  '',
].join('\n');

const START_YAML = [
  'connectors:',
  '  a:',
  '    source:',
  '      type: okta',
  '      org_url: https://contoso.okta.com',
  '      token: { env: OKTA_API_TOKEN }',
  '    match:',
  '      username: lower(profile.login)',
  '    map:',
  '      profile:',
  '        position: first(profile.title, "n/a")',
  '',
].join('\n');

const GARBAGE = [
  '{',
  '}',
  '"',
  '(',
  ')',
  '[',
  ']',
  '.',
  '=',
  ',',
  '#',
  '\n',
  '\r\n',
  'connector ',
  'map profile ',
  ': ',
  '\n  - ',
  '{ env: ',
  'manager.',
  'env("',
  '😀',
  '\u0000',
  'ä',
  '  ',
  'x',
];

/** A diagnostic range that lies inside the text it was published for. */
function inside(doc: TextDocument, range: Range): boolean {
  const valid = (p: Position) => {
    if (p.line < 0 || p.line >= doc.lineCount || p.character < 0) return false;
    const lineText = doc
      .getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } })
      .replace(/\r?\n$|\r$/, '');
    return p.character <= lineText.length;
  };
  const before =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  return valid(range.start) && valid(range.end) && before;
}

describe('language server under garbage edits', function () {
  this.timeout(25_000);
  let client: LspClient;

  before(async () => {
    client = LspClient.start();
    await client.initialize();
  });

  after(async () => {
    if (client.alive) await client.stop();
  });

  const runs = [
    { seed: 20240601, start: START, ext: 'usersync' },
    { seed: 7, start: START, ext: 'usersync' },
    { seed: 4242, start: START, ext: 'usersync' },
    { seed: 99, start: START_YAML, ext: 'usersync.yaml' },
  ];
  for (const { seed, start, ext } of runs) {
    it(`survives random edits at random (even out-of-range) positions and never publishes an out-of-range diagnostic (.${ext}, seed ${seed})`, async () => {
      const uri = `file:///work/garbage-${seed}.${ext}`;
      const rnd = random(seed);
      const texts = new Map<number, TextDocument>();
      let doc = TextDocument.create(uri, 'usersync', 1, start);
      texts.set(1, doc);
      await client.open(uri, start, 1);
      for (let version = 2; version <= 400; version++) {
        const lines = doc.lineCount;
        // some positions beyond the end on purpose: the server must clamp, as the protocol's TextDocument does
        const pos = (): Position => ({ line: rnd(lines + 2), character: rnd(90) });
        let [a, b] = [pos(), pos()];
        if (a.line > b.line || (a.line === b.line && a.character > b.character)) [a, b] = [b, a];
        const text =
          rnd(4) === 0 ? '' : Array.from({ length: 1 + rnd(3) }, () => GARBAGE[rnd(GARBAGE.length)]).join('');
        const change = { range: { start: a, end: b }, text };
        doc = TextDocument.update(TextDocument.create(uri, 'usersync', version - 1, doc.getText()), [change], version);
        texts.set(version, doc);
        await client.change(uri, version, [change]);
        if (version % 25 === 0) {
          const at = { line: rnd(doc.lineCount), character: rnd(40) };
          await client.request('textDocument/completion', { textDocument: { uri }, position: at });
          await client.request('textDocument/hover', { textDocument: { uri }, position: at });
          await client.request('textDocument/signatureHelp', { textDocument: { uri }, position: at });
          await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
          await client.request('textDocument/foldingRange', { textDocument: { uri } });
          await client.request('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: at, end: at },
            context: { diagnostics: [] },
          });
        }
      }
      const last: Diagnostic[] = await client.diagnostics(uri, 400);
      assert.ok(client.alive, 'the server process is still running');
      const published = client.published.filter((p) => p.uri === uri);
      assert.ok(published.length > 1 && last !== undefined);
      for (const p of published) {
        const text = texts.get(p.version ?? -1);
        assert.ok(text, `diagnostics for an unknown version ${p.version}`);
        for (const d of p.diagnostics)
          assert.ok(inside(text, d.range), `version ${p.version}: ${JSON.stringify(d.range)} outside the text`);
      }
      assert.deepEqual(
        client.logs.filter((l) => /failed/.test(l)),
        [],
        'no handler threw',
      );
    });
  }
});

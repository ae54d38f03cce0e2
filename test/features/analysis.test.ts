import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/check';
import type { Checker } from '../../server/src/features/analysis/chunk';
import { DocumentAnalysis } from '../../server/src/features/analysis/document-analysis';
import { chunkStarts } from '../../server/src/features/analysis/split-chunks';
import { Connector as ConnectorKeyword, lexer, RCurly } from '../../server/src/syntax/tokens';
import { parseDocument } from '../../server/src/parse';
import { head } from './marked';

const URI = 'file:///w/big.usersync';
const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const checker: Checker = (doc, errors) => checkDocument(doc, errors);

function connectors(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `# connector ${i}`,
      head(i % 2 ? 'okta' : 'azure', i % 3 ? 'jira' : 'confluence', `c${i}`) + `  map property "P${i}" = departmnt`,
      '}',
      '',
    );
  }
  return out.join('\n');
}

/** Diagnostics without undefined-valued keys, for comparison. */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('document analysis (chunked, incremental)', () => {
  it('splits a file into one chunk per connector, leading comments included', () => {
    const text = connectors(4);
    const a = DocumentAnalysis.open(URI, text);
    assert.equal(a.chunkCount, 4);
    const pieces = a.pieces();
    // each piece after the first starts on the line after the previous connector's closing brace
    assert.ok(
      pieces.slice(1).every((p) => text.slice(p.base - 2, p.base) === '}\n'),
      JSON.stringify(pieces.map((p) => p.base)),
    );
    assert.deepEqual(
      pieces.map((p) => p.document.connectors[0].leading.map((c) => c.text)),
      [[' connector 0'], [' connector 1'], [' connector 2'], [' connector 3']],
    );
  });

  it('finds exactly what checking the whole file finds, cross-connector duplicates included', () => {
    const text = connectors(6).replace('connector c4 {', 'connector c1 {');
    const { document, errors } = parseDocument(text, URI);
    const whole = checkDocument(document, errors);
    assert.ok(whole.some((d) => d.code === 'duplicate-connector'));
    assert.deepEqual(plain(DocumentAnalysis.open(URI, text).diagnostics(checker, 0)), plain(whole));
  });

  it('re-parses only the chunk an edit touches and reuses the others as they are', () => {
    const text = connectors(5);
    const a = DocumentAnalysis.open(URI, text, 1);
    const before = a.pieces().map((p) => p.document);
    const at = text.indexOf('departmnt', text.indexOf('connector c2'));
    const b = a.next(text.slice(0, at) + 'x' + text.slice(at), 2);
    const after = b.pieces().map((p) => p.document);
    assert.deepEqual(
      after.map((d, i) => d === before[i]),
      [true, true, false, true, true],
    );
    assert.equal(b.pieces()[3].base, a.pieces()[3].base + 1);
  });

  it('finds the piece at an offset, and reads blank lines after an open connector as its end', () => {
    const text = head('azure', 'jira', 'a') + '  map property "X" = mail\n\n\n' + head('okta', 'jira', 'b') + '}\n';
    const a = DocumentAnalysis.open(URI, text);
    const blank = text.indexOf('\n\n') + 1;
    assert.equal(a.pieceAt(blank).document.connectors[0]?.name, 'b');
    const editing = a.editingPieceAt(blank);
    assert.equal(editing.document.connectors[0].name, 'a');
    assert.equal(editing.document.text, text.slice(editing.base, text.length));
  });

  it('after any sequence of edits, chunks and findings equal those of a fresh analysis', () => {
    const base = connectors(5);
    const pieces = [
      'connector x {',
      '}',
      '{',
      '\n',
      '"',
      '#',
      ' ',
      'map property "A" = mail\n',
      'connector',
      'user "u"',
    ];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), ins: fc.constantFrom(...pieces, '') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let text = base;
        let a = DocumentAnalysis.open(URI, text, 0);
        edits.forEach((e, i) => {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
          a = a.next(text, i + 1);
        });
        const fresh = DocumentAnalysis.open(URI, text);
        assert.deepEqual(
          a.pieces().map((p) => [p.base, p.document.text]),
          fresh.pieces().map((p) => [p.base, p.document.text]),
        );
        assert.deepEqual(plain(a.diagnostics(checker, 0)), plain(fresh.diagnostics(checker, 0)));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the YAML form in one piece', () => {
    const yaml = 'connectors:\n  a:\n    source:\n      type: okta\n  b:\n    source:\n      type: azure\n';
    const a = DocumentAnalysis.open('file:///w/c.usersync.yaml', yaml);
    assert.equal(a.chunkCount, 1);
    assert.equal(a.next(yaml + '# end\n', 2).chunkCount, 1);
  });
});

describe('splitting a file into connector chunks', () => {
  /** The rule, as a lexer run over the whole region states it (the way the split used to be computed). */
  function splitByWholeLex(text: string, from: number, to: number): number[] {
    const slice = text.slice(from, to);
    const tokens = lexer.tokenize(slice).tokens;
    const starts: number[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      const prev = tokens[i - 1];
      if (t.tokenType !== ConnectorKeyword) continue;
      const lineStart =
        Math.max(slice.lastIndexOf('\n', t.startOffset - 1), slice.lastIndexOf('\r', t.startOffset - 1)) + 1;
      const atLineStart = /^[ \t]*$/.test(slice.slice(lineStart, t.startOffset));
      if (prev.tokenType !== RCurly && !atLineStart) continue;
      const between = slice.slice(prev.startOffset + prev.image.length, t.startOffset);
      const br = /\r\n|\r|\n/.exec(between);
      const at = br ? prev.startOffset + prev.image.length + br.index + br[0].length : t.startOffset;
      if (at > 0 && at > (starts.length ? starts[starts.length - 1] - from : 0)) starts.push(from + at);
    }
    return starts;
  }

  it('splits where a lexer run over the whole text says, lexing only the lines around `connector`', () => {
    const samples = readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.usersync'))
      .map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));
    const inserts = [
      'connector x {',
      'connector',
      '}',
      '{',
      '\n',
      '\r\n',
      '\r',
      '"',
      '#',
      ' ',
      '\t',
      '\f',
      '@',
      '9',
      '\\',
    ];
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 8 }),
      ins: fc.constantFrom(...inserts, '}connector y{'),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(edit, { maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (s, edits, a, b) => {
          let text = s;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ins + text.slice(at + e.del);
          }
          const from = Math.min(a, b) % (text.length + 1);
          const to = Math.max(from, Math.max(a, b) % (text.length + 1));
          assert.deepEqual(chunkStarts(text, 0, text.length), splitByWholeLex(text, 0, text.length));
          assert.deepEqual(chunkStarts(text, from, to), splitByWholeLex(text, from, to));
        },
      ),
      { numRuns: 300 },
    );
  });
});

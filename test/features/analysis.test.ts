import { strict as assert } from 'assert';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/check';
import type { Checker } from '../../server/src/features/analysis/chunk';
import { DocumentAnalysis } from '../../server/src/features/analysis/document-analysis';
import { parseDocument } from '../../server/src/parse';
import { head } from './marked';

const URI = 'file:///w/big.usersync';
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

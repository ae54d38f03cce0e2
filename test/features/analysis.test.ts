import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/check';
import type { Checker } from '../../server/src/features/analysis/chunk';
import { DocumentAnalysis } from '../../server/src/features/analysis/document-analysis';
import { chunkStarts } from '../../server/src/features/analysis/split-chunks';
import { yamlChunkStarts } from '../../server/src/features/analysis/split-yaml-chunks';
import type { Document } from '../../server/src/model/model';
import { printYaml } from '../../server/src/yaml/print-yaml';
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

/** The analysis after each edit in turn, each a new version (edits wrap around the text's length). */
function edited(
  uri: string,
  base: string,
  edits: { at: number; del: number; ins: string }[],
): { text: string; a: DocumentAnalysis } {
  let text = base;
  let a = DocumentAnalysis.open(uri, text, 0);
  edits.forEach((e, i) => {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
    a = a.next(text, i + 1);
  });
  return { text, a };
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

  it('places a key two connectors write to one target where the whole file does, in both forms', () => {
    // c1 and c4 both write to Jira; c4 now writes c1's key
    const text = connectors(6).replace('map property "P4"', 'map property "P1"');
    for (const [uri, form] of [
      [URI, text],
      ['file:///w/big.usersync.yaml', printYaml(parseDocument(text, URI).document)],
    ] as const) {
      const { document, errors } = parseDocument(form, uri);
      const whole = checkDocument(document, errors);
      const shared = whole.filter((d) => d.code === 'shared-target-key');
      assert.equal(shared.length, 1, uri);
      assert.equal(form.slice(shared[0].span.start, shared[0].span.end).replace(/"/g, ''), 'P1');
      assert.ok((shared[0].related?.[0].span.start ?? Infinity) < shared[0].span.start);
      const analysis = DocumentAnalysis.open(uri, form);
      assert.ok(analysis.chunkCount > 1, `${uri} is read connector by connector`);
      assert.deepEqual(plain(analysis.diagnostics(checker, 0)), plain(whole), uri);
    }
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
        const { text, a } = edited(URI, base, edits);
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
});

const YAML_URI = 'file:///w/big.usersync.yaml';

/** The `.usersync` text above in YAML form: one connector after another under `connectors:`. */
function yamlConnectors(n: number): string {
  return printYaml(parseDocument(connectors(n), URI).document);
}

/** Each connector's comments (leading, trailing, dangling), spans in the whole text. */
function commentsOf(pieces: { document: Document; base: number }[]): unknown[] {
  return pieces.flatMap((p) =>
    p.document.connectors.map((c) => ({
      name: c.name,
      comments: [...c.leading, ...(c.trailing ? [c.trailing] : []), ...c.dangling].map((m) => [
        m.text,
        m.span.start + p.base,
      ]),
    })),
  );
}

describe('document analysis of the YAML form', () => {
  const whole = (text: string) => {
    const { document, errors } = parseDocument(text, YAML_URI);
    return plain(checkDocument(document, errors));
  };

  it('splits the YAML form into one piece per connector, each starting at its comments', () => {
    const text = yamlConnectors(4);
    const a = DocumentAnalysis.open(YAML_URI, text);
    assert.equal(a.chunkCount, 4);
    assert.deepEqual(
      a.pieces().map((p) => p.document.text.trimStart().split('\n')[0]),
      ['# connector 0', '# connector 1', '# connector 2', '# connector 3'],
    );
    assert.deepEqual(commentsOf(a.pieces()), commentsOf([{ ...parseDocument(text, YAML_URI), base: 0 }]));
  });

  it('finds exactly what checking the whole YAML file finds, cross-connector duplicates included', () => {
    const text = yamlConnectors(6).replace('\n  c4:', '\n  c1:');
    assert.ok((whole(text) as { code: string }[]).some((d) => d.code === 'duplicate-connector'));
    const a = DocumentAnalysis.open(YAML_URI, text);
    assert.equal(a.chunkCount, 6);
    assert.deepEqual(plain(a.diagnostics(checker, 0)), whole(text));
  });

  it('re-reads only the connector an edit touches', () => {
    const text = yamlConnectors(5);
    const a = DocumentAnalysis.open(YAML_URI, text, 1);
    const before = a.pieces().map((p) => p.document);
    const at = text.indexOf('departmnt', text.indexOf('  c2:'));
    const after = a
      .next(text.slice(0, at) + 'x' + text.slice(at), 2)
      .pieces()
      .map((p) => p.document);
    assert.deepEqual(
      after.map((d, i) => d === before[i]),
      [true, true, false, true, true],
    );
  });

  it('reads the whole text as one piece when a piece has a YAML syntax error', () => {
    // the unclosed bracket runs over the next connector's key line when the whole text is read
    const text = yamlConnectors(3).replace('type: okta', 'type: [okta');
    const a = DocumentAnalysis.open(YAML_URI, text);
    assert.equal(a.chunkCount, 1);
    assert.deepEqual(plain(a.diagnostics(checker, 0)), whole(text));
    assert.equal(a.next(yamlConnectors(3), 2).chunkCount, 3);
  });

  it('reuses the pieces it read before a syntax error once the error is mended', () => {
    const text = yamlConnectors(3);
    const a = DocumentAnalysis.open(YAML_URI, text, 1);
    const broken = a.next(text.replace('type: okta', 'type: [okta'), 2);
    assert.equal(broken.chunkCount, 1);
    const mended = broken.next(text.replace('type: okta', 'type: okt'), 3);
    assert.deepEqual(
      mended.pieces().map((p, i) => p.document === a.pieces()[i].document),
      [true, false, true],
    );
  });

  it('after any edits, findings and comments equal those of the whole text read at once', () => {
    // with comments that stay with the connector above (deep) and that lead the next (shallow)
    const base = yamlConnectors(4).replace(
      '\n  # connector 2',
      '    # deep\n  # shallow\n    # deeper\n\n  # connector 2',
    );
    // YAML's own pieces, at the depths of the connectors, their entries and settings; few edits at a
    // time, so that most texts still split (many edits nearly always leave a syntax error)
    const pieces = [
      '  c9:\n',
      '    source:\n      type: okta\n',
      '\n',
      ': ',
      '- ',
      '#',
      ' ',
      '  ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      'x',
    ];
    const yamlPieces = ['&a ', '*a', '|\n', '>\n', '? ', '!t ', '%', '---\n', '\t', '\r\n', '\r', '...\n'];
    const lines = ['# c\n', '  # c\n', '      # c\n', 'k: v\n', '  k: v\n', '      k: v\n'];
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 20 }),
      ins: fc.constantFrom(...pieces, ...yamlPieces, ...lines, ''),
    });
    const RUNS = 400;
    let split = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const { text, a } = edited(YAML_URI, base, edits);
        assert.deepEqual(plain(a.diagnostics(checker, 0)), whole(text));
        assert.deepEqual(commentsOf(a.pieces()), commentsOf([{ ...parseDocument(text, YAML_URI), base: 0 }]));
        if (a.chunkCount > 1) split++;
      }),
      { numRuns: RUNS },
    );
    assert.ok(split > RUNS / 40, `only ${split} of ${RUNS} edited texts were read in pieces`);
  });
});

describe('splitting a YAML text into connector pieces', () => {
  const body = '    source:\n      type: okta\n';
  const lines = (...l: string[]) => l.join('\n') + '\n';

  it('splits at each key of `connectors:`, with the comments above it no deeper than the key', () => {
    const text = lines(
      'connectors:',
      '  a:',
      '    source:',
      '      type: okta',
      '    # deep',
      '  # lead',
      '',
      '  b:',
      body,
    );
    assert.deepEqual(yamlChunkStarts(text), [text.indexOf('  # lead')]);
  });

  it('keeps comments after a shallower one with the next connector', () => {
    const text = lines('connectors:', '  a:', '    source: {}', '  # lead', '    # deeper, still leads', '  b:', body);
    assert.deepEqual(yamlChunkStarts(text), [text.indexOf('  # lead')]);
  });

  for (const [why, text] of [
    ['another top-level key', lines('connectors:', '  a:', body, '  b:', body, 'other: 1')],
    ['a key before connectors', lines('version: 1', 'connectors:', '  a:', body, '  b:', body)],
    ['connectors in flow style', lines('connectors: { a: {}, b: {} }')],
    ['a list instead of a mapping', lines('connectors:', '  - a', '  - b')],
    ['an anchor', lines('connectors:', '  a: &base', body, '  b:', '    <<: *base')],
    ['a tab in the indentation', lines('connectors:', '  a:', '\tsource: {}', '  b:', body)],
    ['a second document', lines('connectors:', '  a:', body, '---', 'connectors:', '  b:', body)],
    ['a block scalar', lines('connectors:', '  a:', '    note: >', '      text', '  b:', body)],
    ['a tag', lines('connectors:', '  a:', '    source: !okta', '  b:', body)],
    ['an explicit key', lines('connectors:', '  a:', '    ? source', '    : {}', '  b:', body)],
    ['a line ending in a lone \\r', lines('connectors:', '  a:\r    source: {}', '  b:', body)],
    ['a line between a key and its entries', lines('connectors:', '  a:', '    source: {}', '   x: 1', '  b:', body)],
  ])
    it(`does not split a text with ${why}`, () => assert.deepEqual(yamlChunkStarts(text), []));

  it('does not take a & inside quotes or comments for an anchor', () => {
    const text = lines('connectors:', '  a:', '    x: "R&D"  # &c', '  b:', body);
    assert.deepEqual(yamlChunkStarts(text), [text.indexOf('  b:')]);
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

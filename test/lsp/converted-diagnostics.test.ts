import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument } from '../../server/src/check';
import type { Checker } from '../../server/src/features/analysis/chunk';
import { CROSS_CONNECTOR_CODES } from '../../server/src/features/analysis/cross-connector';
import { DocumentAnalysis } from '../../server/src/features/analysis/document-analysis';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { ConvertedDiagnostics } from '../../server/src/lsp/converted-diagnostics';
import { head } from '../features/marked';

const URI = 'file:///w/big.usersync';
const checker: Checker = (doc, errors) => checkDocument(doc, errors);

function connectors(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = i === 3 ? 'c1' : `c${i}`; // c1 twice: a finding across connectors
    out.push(
      `# connector ${i}`,
      head(i % 2 ? 'okta' : 'azure', 'jira', name) + `  map property "P" = departmnt`,
      '}',
      '',
    );
  }
  return out.join('\n');
}

/** What converting every finding of the document afresh gives. */
function fresh(doc: TextDocument, analysis: DocumentAnalysis): unknown {
  return analysis.diagnostics(checker, 0).map((d) => toLspDiagnostic(doc, URI, d, true));
}

describe('LSP diagnostics converted chunk by chunk', () => {
  it('equal a fresh conversion of the whole document after any sequence of edits', () => {
    const inserts = ['\n', 'x', 'connector z {\n}\n', '}', '"', ' ', 'map property "A" = mail\n'];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 10 }), ins: fc.constantFrom(...inserts, '') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 15 }), (edits) => {
        let text = connectors(5);
        let analysis = DocumentAnalysis.open(URI, text, 0);
        const converted = new ConvertedDiagnostics();
        edits.forEach((e, i) => {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
          analysis = analysis.next(text, i + 1);
          const doc = TextDocument.create(URI, 'usersync', i + 1, text);
          assert.deepEqual(converted.convert(doc, analysis, checker, 0, true), fresh(doc, analysis));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reuses the converted findings of the connectors an edit on one line did not touch', () => {
    const text = connectors(4);
    const converted = new ConvertedDiagnostics();
    const first = DocumentAnalysis.open(URI, text, 1);
    const before = converted.convert(TextDocument.create(URI, 'usersync', 1, text), first, checker, 0, true);
    const at = text.indexOf('departmnt', text.indexOf('connector c2'));
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const analysis = first.next(edited, 2);
    const after = converted.convert(TextDocument.create(URI, 'usersync', 2, edited), analysis, checker, 0, true);
    const shared = after.filter((d) => before.includes(d));
    const inC2 = (d: { range: { start: { line: number } } }) =>
      d.range.start.line >= edited.slice(0, edited.indexOf('connector c2')).split('\n').length - 1 &&
      d.range.start.line < edited.slice(0, edited.indexOf('# connector 3')).split('\n').length - 1;
    assert.ok(shared.length > 0, 'findings of untouched connectors are the same objects');
    assert.ok(
      after.filter((d) => !before.includes(d)).every((d) => inC2(d) || CROSS_CONNECTOR_CODES.has(String(d.code))),
    );
  });
});

import { strict as assert } from 'assert';
import { checkDocument } from '../../server/src/check';
import type { Document, Mapping } from '../../server/src/model/model';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import { URI, diagnose, usersync } from './fixture';

function parsed(text: string): Document {
  return parseUsersync(text, URI).document;
}

describe('checks: checkDocument', () => {
  it('turns parse errors into error diagnostics with their own code', () => {
    const has = (text: string, code: string) => diagnose(text).some((d) => d.code === code && d.severity === 'error');
    assert.ok(has(usersync({ lines: ['map property "A" = mail', 'map property "B" ='] }), 'syntax-error'));
    assert.ok(
      has(usersync({ lines: ['map property "A" = mail', 'map property "B" = @mail'] }), 'unexpected-character'),
    );
    assert.ok(has(usersync({ lines: ['map property "A = mail'] }), 'unterminated-string'));
  });

  it('reports a value the model lacks when no parse error said so (as the YAML form may leave it)', () => {
    const text = usersync({ lines: ['map property "A" = mail'] });
    const doc = parsed(text);
    const mapping = doc.connectors[0].items.find((i): i is Mapping => i.kind === 'mapping') as Mapping;
    mapping.expr = { kind: 'missing', span: { start: mapping.span.end, end: mapping.span.end } };
    const d = checkDocument(doc, []).filter((x) => x.code === 'missing-value');
    assert.equal(d.length, 1);
    assert.equal(text.slice(d[0].span.start, d[0].span.end), '"A"');
  });

  it('writes fixes in the form of the document', () => {
    const text = usersync({
      source: 'source azure {\n    tenant = "t"\n    client_id = "c"\n    certificate = "app.pem"\n  }',
    });
    const yaml = checkDocument({ ...parsed(text), form: 'yaml' }, []);
    const fix = yaml.find((d) => d.code === 'expected-file')?.fixes?.[0];
    assert.equal(fix?.edits[0].newText, '{ file: app.pem }');
    const own = checkDocument(parsed(text), []);
    assert.equal(own.find((d) => d.code === 'expected-file')?.fixes?.[0].edits[0].newText, 'file("app.pem")');
  });

  it('reports a failing check as internal-error and runs the others', () => {
    const text = usersync({
      lines: [
        'map property "A" = profile.x',
        'map property "B" = extension_b7b1c57b532f40b8b5ed4b7a7ba67401_badge',
        'map property "B" = mail',
      ],
    });
    const ds = checkDocument(parsed(text), [], {
      customAttributes: () => {
        throw new Error('schema lookup failed');
      },
    });
    assert.ok(
      ds.some((d) => d.code === 'attribute-of-other-idp'),
      'paths ran up to the throw',
    );
    assert.ok(ds.some((d) => d.code === 'internal-error' && d.message.includes('schema lookup failed')));
    assert.ok(
      ds.some((d) => d.code === 'duplicate-mapping'),
      'the checks after it ran',
    );
  });

  it('returns diagnostics sorted by position, all inside the text', () => {
    const text = usersync({
      source: 'source azur { }',
      lines: ['on_emtpy = keep', 'map property "A-" = mail', 'user ""'],
    });
    const ds = diagnose(text);
    assert.ok(ds.length >= 4);
    for (let i = 1; i < ds.length; i++) assert.ok(ds[i - 1].span.start <= ds[i].span.start);
    for (const d of ds) assert.ok(d.span.start >= 0 && d.span.end <= text.length);
  });
});

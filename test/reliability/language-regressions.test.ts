import { strict as assert } from 'assert';
import { checkDocument } from '../../server/src/check';
import { formatText } from '../../server/src/format/format-text';
import { parseDocument } from '../../server/src/parse';
import { inside } from './language-check';

/**
 * What the language fuzzer found, one specification each, so that a fix is seen to hold without
 * running the fuzzer.
 */

const nested = (depth: number) => `${'first('.repeat(depth)}mail${')'.repeat(depth)}`;

describe('language: inputs the fuzzer found', () => {
  for (const depth of [2000, 20_000]) {
    it(`reads, checks and formats calls nested ${depth} deep without throwing, in both forms`, () => {
      const usersync = `connector a {\n  map property "A" = ${nested(depth)}\n}\n`;
      const yaml = `connectors:\n  a:\n    map:\n      property:\n        A: ${nested(depth)}\n`;
      for (const [text, uri] of [
        [usersync, 'file:///deep.usersync'],
        [yaml, 'file:///deep.usersync.yaml'],
      ]) {
        let result: ReturnType<typeof parseDocument> | undefined;
        assert.doesNotThrow(() => (result = parseDocument(text, uri)), uri);
        assert.doesNotThrow(() => checkDocument(result!.document, result!.errors), uri);
        assert.doesNotThrow(() => formatText(text, uri), uri);
      }
    });
  }

  it('gives YAML syntax errors spans inside the document, even for a lone opening quote or bracket', () => {
    for (const text of ["'", '"', '[', '{', "connectors: '"]) {
      const { errors } = parseDocument(text, 'file:///q.usersync.yaml');
      assert.ok(errors.length > 0);
      for (const e of errors)
        assert.ok(inside(e.span, text.length), `${JSON.stringify(text)}: ${JSON.stringify(e.span)}`);
    }
  });
});

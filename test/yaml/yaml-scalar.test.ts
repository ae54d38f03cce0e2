import { strict as assert } from 'assert';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument } from 'yaml';
import { yamlQuoted, yamlScalar } from '../../server/src/yaml/yaml-scalar';

/** Reads `scalar` back where it stands, with the core schema editors use. */
function readBack(scalar: string, context: 'key' | 'value' | 'flow'): unknown {
  const text =
    context === 'key' ? `${scalar}: x` : context === 'flow' ? `{ k: ${scalar}, j: y }` : `k: ${scalar}\nj: y`;
  const doc = parseDocument(text);
  assert.deepEqual(doc.errors, [], text);
  assert.ok(isMap(doc.contents));
  const pair = doc.contents.items[0];
  return context === 'key'
    ? isScalar(pair.key)
      ? pair.key.value
      : pair.key
    : (pair.value as { value?: unknown }).value;
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom(
      ...'a Z 0 1 . - _ : # , [ ] { } " \' ! & * ? | > % @ ` ~ \\ / ( ) = +'.split(' '),
      ' ',
      '\n',
      '\t',
    ),
    maxLength: 8,
  }),
  fc.constantFrom('true', 'False', 'NULL', '~', '1.5', '0x1F', '.inf', '-.5e3', '0o17', 'yes', '<<', '---', '...'),
);

describe('YAML scalars', () => {
  it('read back as exactly the string, as a key, a block value and a flow value', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const context of ['key', 'value', 'flow'] as const) {
          assert.equal(
            readBack(yamlScalar(s, context), context),
            s,
            `${context}: ${JSON.stringify(s)} → ${yamlScalar(s, context)}`,
          );
        }
        assert.equal(readBack(yamlQuoted(s), 'value'), s);
      }),
      { numRuns: 1000 },
    );
  });

  it('stay plain when that is safe, and are quoted when YAML would read something else', () => {
    assert.deepEqual(
      [
        'contoso.onmicrosoft.com',
        'https://x.com',
        'lower(mail)',
        'Cost Center',
        'true',
        '1.5',
        '',
        'a: b',
        '-x',
        '"x"',
      ].map((s) => yamlScalar(s, 'value')),
      [
        'contoso.onmicrosoft.com',
        'https://x.com',
        'lower(mail)',
        'Cost Center',
        "'true'",
        "'1.5'",
        "''",
        "'a: b'",
        "'-x'",
        `'"x"'`,
      ],
    );
    assert.equal(yamlScalar('a, b', 'flow'), "'a, b'");
    assert.equal(yamlScalar('line\nbreak', 'value'), '"line\\nbreak"');
    assert.equal(yamlQuoted('0 */6 * * *'), '"0 */6 * * *"');
  });
});

import { strict as assert } from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { formatText } from '../../server/src/format/format-text';
import { parseYaml } from '../../server/src/yaml/parse-yaml';
import { isSourceLexeme, lexYaml, MAX_FLOW_DEPTH } from '../../server/src/yaml/yaml-lexemes';

const URI = 'file:///w/deep.usersync.yaml';
const TOO_DEEP = `flow collections ({ } and [ ]) nest at most ${MAX_FLOW_DEPTH} deep`;

/** A connector whose `Company` property maps the given YAML value. */
const withValue = (value: string) =>
  `connectors:\n  a:\n    source: { type: okta, org_url: https://o.okta.com, token: { env: T } }\n` +
  `    target: { type: jira, url: https://jira.example.com, token: { env: J } }\n` +
  `    match: { username: profile.login }\n    map:\n      property:\n        Company: ${value}\n`;

const brackets = '['.repeat(MAX_FLOW_DEPTH + 10);

describe('YAML lexemes and the flow depth limit', () => {
  it('cuts every sample into lexemes that give back the text, the lexer’s control lexemes aside', () => {
    const samples = fs.readdirSync('samples').filter((f) => f.endsWith('.yaml'));
    assert.ok(samples.length > 0);
    const texts = samples.map((f) => fs.readFileSync(path.join('samples', f), 'utf8'));
    texts.push('\ufeffconnectors:\r\n  a: { b: [1, "x\\"]"] }\r\n', 'k: |\n  [[[\n# {{{\n');
    for (const text of texts) {
      const lexed = lexYaml(text);
      assert.ok('lexemes' in lexed);
      assert.equal(lexed.lexemes.filter(isSourceLexeme).join(''), text);
    }
  });

  it('gives back the text of any string, however broken', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', "'", '\\', ':', ' ', '\n', '#', 'a', '-', '|') }),
        (text) => {
          const lexed = lexYaml(text);
          if ('lexemes' in lexed) assert.equal(lexed.lexemes.filter(isSourceLexeme).join(''), text);
          else assert.ok(lexed.tooDeep.start >= 0 && lexed.tooDeep.end <= text.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it(`refuses flow collections nested deeper than ${MAX_FLOW_DEPTH}, at the first bracket too many`, () => {
    const text = withValue(`${'{a: '.repeat(MAX_FLOW_DEPTH + 1)}x${'}'.repeat(MAX_FLOW_DEPTH + 1)}`);
    const { errors } = parseYaml(text, URI);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].message, TOO_DEEP);
    const first = text.indexOf('{a: ');
    assert.equal(errors[0].span.start, first + 4 * MAX_FLOW_DEPTH);
    assert.equal(text[errors[0].span.start], '{');
  });

  it(`reads ${MAX_FLOW_DEPTH} levels of flow collections`, () => {
    const value = `${'['.repeat(MAX_FLOW_DEPTH - 1)}x${']'.repeat(MAX_FLOW_DEPTH - 1)}`;
    const { errors } = parseYaml(withValue(value), URI);
    assert.ok(!errors.some((e) => e.message === TOO_DEEP));
  });

  for (const [where, value] of [
    ['a double-quoted scalar with an escaped quote', `"\\"a constant: ${brackets}"`],
    ['a single-quoted scalar', `'it''s ${brackets}'`],
    ['a plain scalar', `a constant ${brackets}`],
    ['a comment', `x # ${brackets}`],
    ['a block scalar', `|\n          ${brackets}`],
  ]) {
    it(`does not count brackets in ${where}`, () => {
      const { errors } = parseYaml(withValue(value), URI);
      assert.deepEqual(
        errors.filter((e) => e.code === 'yaml-syntax'),
        [],
      );
    });
  }

  it('formats a value the fuzzer found (a quote, a control character, brackets) into text that parses again', () => {
    const value = `'"quoted\u0001 ${brackets}"'`;
    const formatted = formatText(withValue(value), URI);
    assert.deepEqual(formatted.errors, []);
    assert.match(formatted.text ?? '', /\\"quoted\\u0001/);
    assert.deepEqual(parseYaml(formatted.text ?? '', URI).errors, []);
  });
});

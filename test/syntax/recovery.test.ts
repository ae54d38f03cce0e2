import { strict as assert } from 'assert';
import { EmbeddedActionsParser } from 'chevrotain';
import fc from 'fast-check';
import { parseExpression, parseUsersync } from '../../server/src/syntax/parse-usersync';
import { parser } from '../../server/src/syntax/parser';
import { MAX_SYNTAX_ERRORS } from '../../server/src/syntax/recovery';
import { editedText } from '../helpers/edited-text';

const URI = 'file:///r.usersync';

const VALID = `connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_secret = env("AZURE_CLIENT_SECRET")
  }
  target jira { url = "https://jira.contoso.com"  token = secret("jira-pat") }
  match username = lower(userPrincipalName)
  map property "Phone" = first(mobilePhone, businessPhones[0])
  map profile position = organizations[primary=true].title
  user "alice@contoso.com"
}
`;

/** A setting whose value runs on into `a.a.a.…`: each `a.` is one syntax error (what the fuzzer found). */
function settingWithErrors(errors: number): string {
  return `connector c {\n  source azure {\n    tenant = "contoso"${'a.'.repeat(errors)}\n  }\n}\n`;
}

/** Runs `parse` with Chevrotain's own methods in place of the two that recovery.ts makes faster. */
function withChevrotainRecovery<R>(parse: () => R): R {
  const chevrotain = EmbeddedActionsParser.prototype as unknown as Record<string, unknown>;
  const own = parser as unknown as Record<string, unknown>;
  own.getFollowsForInRuleRecovery = chevrotain.getFollowsForInRuleRecovery;
  own.findReSyncTokenType = chevrotain.findReSyncTokenType;
  try {
    return parse();
  } finally {
    delete own.getFollowsForInRuleRecovery;
    delete own.findReSyncTokenType;
  }
}

describe('parser error recovery', () => {
  it("still overrides Chevrotain's own methods (an upgrade that renames them must fail here)", () => {
    const chevrotain = EmbeddedActionsParser.prototype as unknown as Record<string, unknown>;
    assert.equal(typeof chevrotain.getFollowsForInRuleRecovery, 'function');
    assert.equal(typeof chevrotain.SAVE_ERROR, 'function');
    assert.equal(typeof chevrotain.findReSyncTokenType, 'function');
    parser.forgetRecoveryPositions();
    parseUsersync(settingWithErrors(3), URI);
    assert.ok(parser.recoveryPositionsKept() > 0, 'the follows of a grammar position were not kept');
  });

  it("gives the same tree and errors as Chevrotain's own recovery, on edited documents", () => {
    fc.assert(
      fc.property(editedText(VALID, fc.string({ maxLength: 4 }), { maxCut: 4, maxEdits: 5 }), (text) => {
        assert.deepEqual(
          parseUsersync(text, URI),
          withChevrotainRecovery(() => parseUsersync(text, URI)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same tree and errors as Chevrotain's own recovery, on texts dense with errors", () => {
    const token = fc.constantFrom('a', '.', '=', '"s"', '(', ')', '[', ']', '{', '}', ',', '1', 'map', 'user', '\n');
    const context = fc.constantFrom(
      (b: string) => b,
      (b: string) => `connector c {\n${b}\n}\n`,
      (b: string) => `connector c {\n  source azure {\n    tenant = "t"${b}\n  }\n}\n`,
      (b: string) => `connector c {\n  map property "x" = f(${b})\n  user "u"\n}\n`,
    );
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 300 }),
        context,
        (pattern, times, wrap) => {
          const text = wrap(`${pattern.join(' ')} `.repeat(times));
          assert.deepEqual(
            parseUsersync(text, URI),
            withChevrotainRecovery(() => parseUsersync(text, URI)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps what it learnt about grammar positions from one parse to the next without changing the result', () => {
    const text = settingWithErrors(20) + VALID.replace('= lower(', '= lower(,');
    parser.forgetRecoveryPositions();
    const fresh = parseUsersync(text, URI);
    assert.ok(parser.recoveryPositionsKept() > 0);
    assert.deepEqual(parseUsersync(text, URI), fresh);
  });

  it(`reports ${MAX_SYNTAX_ERRORS} syntax errors, then where it stopped reading`, () => {
    const text = settingWithErrors(1500) + VALID;
    const { document, errors } = parseUsersync(text, URI);
    assert.equal(errors.length, MAX_SYNTAX_ERRORS + 1);
    assert.ok(errors.slice(0, -1).every((e) => e.code === 'syntax-error'));
    const stop = errors[errors.length - 1];
    assert.equal(stop.code, 'too-many-errors');
    assert.match(stop.message, /^1000 syntax errors: the text from here on is not read/);
    assert.deepEqual(stop.span, errors[errors.length - 2].span, 'the stop is at the last error kept');
    assert.ok(stop.span.end < text.indexOf('connector contoso_jira'), 'the stop is inside the broken setting');
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['c'],
      'the connector after the stop is not read',
    );
  });

  it('reads to the end when the errors stay under the limit', () => {
    const { document, errors } = parseUsersync(settingWithErrors(MAX_SYNTAX_ERRORS - 1) + VALID, URI);
    assert.equal(errors.length, MAX_SYNTAX_ERRORS - 1);
    assert.ok(errors.every((e) => e.code === 'syntax-error'));
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['c', 'contoso_jira'],
    );
  });

  it('starts every parse afresh: a parse after a stopped one reads all of its text', () => {
    parseUsersync(settingWithErrors(1500), URI);
    const { document, errors } = parseUsersync(VALID, URI);
    assert.deepEqual(errors, []);
    assert.equal(document.connectors.length, 1);
  });

  it('stops an expression of the YAML form the same way', () => {
    const source = `first(${'a=1,'.repeat(1500)})`;
    const { errors } = parseExpression(source, 100);
    assert.equal(errors.length, MAX_SYNTAX_ERRORS + 1);
    assert.equal(errors[errors.length - 1].code, 'too-many-errors');
    assert.ok(errors.every((e) => e.span.start >= 100 && e.span.end <= 100 + source.length));
  });

  it('leaves Error stacks as they were, after a parse with errors and after one without', () => {
    const before = Error.stackTraceLimit;
    parseUsersync(settingWithErrors(10), URI);
    assert.equal(Error.stackTraceLimit, before);
    parseUsersync(VALID, URI);
    assert.equal(Error.stackTraceLimit, before);
    assert.ok((new Error('still has a stack').stack ?? '').includes('recovery.test'));
  });
});

import { strict as assert } from 'assert';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/check';
import type { CallExpr, Mapping, Option, PathExpr, Setting, StringExpr } from '../../server/src/model/model';
import {
  mappingsOf,
  matchOf,
  optionsOf,
  scheduleOf,
  sourceBlock,
  targetBlock,
  usersOf,
} from '../../server/src/model/query';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import type { Span } from '../../server/src/text/span';
import { MAX_SYNTAX_ERRORS } from '../../server/src/syntax/recovery';
import { parseYaml } from '../../server/src/yaml/parse-yaml';
import { shape } from '../format/model-shape';

const URI = 'file:///w/contoso.usersync.yaml';

const EXAMPLE = `# comment
connectors:
  contoso_jira:
    source:
      type: azure
      tenant: contoso.onmicrosoft.com
      client_secret: { env: AZURE_CLIENT_SECRET }
    target:
      type: jira
      url: https://jira.contoso.com
      token: { secret: jira-pat }
    match:
      username: lower(userPrincipalName)
    schedule: "0 */6 * * *"
    on_empty: keep
    map:
      property:
        Department: department
        Company: '"Contoso Ltd."'      # a constant is a quoted string inside the expression
      profile:
        position: profile.title
    users:
      - alice@contoso.com
`;

const SAME_AS_USERSYNC = `# comment
connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_secret = env("AZURE_CLIENT_SECRET")
  }
  target jira {
    url   = "https://jira.contoso.com"
    token = secret("jira-pat")
  }
  match username = lower(userPrincipalName)
  schedule "0 */6 * * *"
  on_empty = keep
  map property "Department" = department
  map property "Company" = "Contoso Ltd." # a constant is a quoted string inside the expression
  map profile position = profile.title
  user "alice@contoso.com"
}
`;

function parse(text: string) {
  return parseYaml(text, URI);
}

function at(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

function codes(text: string): string[] {
  return parse(text).errors.map((e) => e.code);
}

describe('YAML form: reading', () => {
  it('builds the same model as the .usersync form, comments included', () => {
    const { document, errors } = parse(EXAMPLE);
    assert.deepEqual(errors, []);
    assert.equal(document.form, 'yaml');
    assert.deepEqual(shape(document), shape(parseUsersync(SAME_AS_USERSYNC, 'file:///w/c.usersync').document));
  });

  it('puts the spans of names on the YAML key scalars', () => {
    const { document } = parse(EXAMPLE);
    const c = document.connectors[0];
    assert.equal(at(EXAMPLE, c.nameSpan), 'contoso_jira');
    assert.equal(at(EXAMPLE, sourceBlock(c)!.typeSpan), 'azure');
    const tenant = sourceBlock(c)!.settings[0];
    assert.equal(at(EXAMPLE, tenant.keySpan), 'tenant');
    assert.equal(at(EXAMPLE, tenant.value.span), 'contoso.onmicrosoft.com');
    assert.equal(at(EXAMPLE, tenant.span), 'tenant: contoso.onmicrosoft.com');
    const [dept, company, position] = mappingsOf(c);
    assert.equal(at(EXAMPLE, dept.keySpan), 'Department');
    assert.equal(at(EXAMPLE, position.targetSpan), 'profile');
    assert.equal(at(EXAMPLE, company.span), `Company: '"Contoso Ltd."'`);
    assert.equal(at(EXAMPLE, matchOf(c)!.fieldSpan), 'username');
    assert.equal(at(EXAMPLE, scheduleOf(c)!.cronSpan), '"0 */6 * * *"');
    assert.equal(at(EXAMPLE, usersOf(c)[0].loginSpan), 'alice@contoso.com');
  });

  it('lands expression spans exactly inside plain and quoted scalars', () => {
    const { document } = parse(EXAMPLE);
    const c = document.connectors[0];
    const position = mappingsOf(c)[2].expr as PathExpr;
    assert.deepEqual(
      position.segments.map((s) => at(EXAMPLE, s.span)),
      ['profile', 'title'],
    );
    const company = mappingsOf(c)[1].expr as StringExpr;
    assert.equal(at(EXAMPLE, company.span), '"Contoso Ltd."');
    const lower = matchOf(c)!.expr as CallExpr;
    assert.equal(at(EXAMPLE, lower.nameSpan), 'lower');
    assert.equal(at(EXAMPLE, (lower.args[0] as PathExpr).segments[0].span), 'userPrincipalName');
    const secret = sourceBlock(c)!.settings[1].value as CallExpr;
    assert.equal(at(EXAMPLE, secret.span), '{ env: AZURE_CLIENT_SECRET }');
    assert.equal(at(EXAMPLE, secret.nameSpan), 'env');
    assert.equal(at(EXAMPLE, secret.args[0].span), 'AZURE_CLIENT_SECRET');
  });

  it('maps spans to the whole scalar when its text is not the value verbatim (escapes)', () => {
    const text = 'connectors:\n  c:\n    map:\n      property:\n        A: "first(a,\\tb.c)"\n';
    const m = mappingsOf(parse(text).document.connectors[0])[0];
    const args = (m.expr as CallExpr).args as PathExpr[];
    assert.deepEqual(
      args.map((a) => a.segments.map((s) => s.name)),
      [['a'], ['b', 'c']],
    );
    assert.equal(at(text, args[1].segments[1].span), '"first(a,\\tb.c)"');
  });

  it('reads enum settings as words and everything else as text, { env: } as a reference, { expr: } as any expression', () => {
    const text = [
      'connectors:',
      '  c:',
      '    target: { type: jira, store: entity, url: "true", companion_path: 42 }',
      '    on_empty: \'"keep"\'',
      '    clear_guard: { expr: \'lower("10%")\' }',
    ].join('\n');
    const { document, errors } = parse(text);
    assert.deepEqual(errors, []);
    const c = document.connectors[0];
    const value = (key: string) => targetBlock(c)!.settings.find((s: Setting) => s.key === key)!.value;
    assert.equal(value('store').kind, 'path');
    assert.deepEqual([value('url').kind, (value('url') as StringExpr).value], ['string', 'true']);
    assert.equal((value('companion_path') as StringExpr).value, '42');
    const [onEmpty, guard] = optionsOf(c);
    assert.deepEqual([onEmpty.value.kind, (onEmpty.value as StringExpr).value], ['string', 'keep']);
    assert.equal((guard as Option).value.kind, 'call');
  });

  for (const [name, eol] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
  ])
    it(`attaches comments: above a key leads it, at the line end trails it, after the last entry dangles (${name})`, () => {
      const text = [
        'connectors:',
        '  # about c',
        '  c:   # on the key line',
        '    source:',
        '      type: okta',
        '      # about the url',
        '      org_url: https://x.okta.com # the org',
        '      # left in the block',
        '    users:',
        '      - a@x',
        '    # left in the connector',
        '# the end',
      ].join(eol);
      const { document } = parse(text);
      const c = document.connectors[0];
      const org = sourceBlock(c)!.settings[0];
      assert.deepEqual(
        [
          c.leading[0].text,
          c.trailing?.text,
          org.leading[0].text,
          org.trailing?.text,
          sourceBlock(c)!.dangling[0].text,
          c.dangling[0].text,
          document.dangling[0].text,
        ],
        [
          ' about c',
          ' on the key line',
          ' about the url',
          ' the org',
          ' left in the block',
          ' left in the connector',
          ' the end',
        ],
      );
    });
});

describe('YAML form: problems', () => {
  it('reports YAML syntax errors with their position', () => {
    const text = 'connectors:\n  c: {\n';
    const { errors } = parse(text);
    assert.ok(errors.length > 0);
    assert.equal(errors[0].code, 'yaml-syntax');
    assert.ok(errors[0].span.start >= text.indexOf('{'));
  });

  it('reports unknown top-level keys on the key', () => {
    const text = 'connectors: {}\nconnector: {}\n';
    const { errors } = parse(text);
    assert.deepEqual(
      errors.map((e) => [e.code, at(text, e.span)]),
      [['yaml-unknown-key', 'connector']],
    );
  });

  it('reports a wrong node type where it stands', () => {
    const text = 'connectors:\n  c:\n    source:\n      - type: azure\n';
    const { errors } = parse(text);
    assert.equal(errors[0].code, 'yaml-wrong-type');
    assert.match(errors[0].message, /expected a mapping .* under 'source', found a list/);
    assert.equal(at(text, errors[0].span), '- type: azure');
    assert.deepEqual(codes('- a\n- b\n'), ['yaml-wrong-type']);
    assert.deepEqual(codes('connectors:\n  c:\n    users: alice\n'), ['yaml-wrong-type']);
    assert.deepEqual(codes('connectors:\n  c:\n    map: [a]\n'), ['yaml-wrong-type']);
    assert.deepEqual(codes('x: &a 1\nconnectors:\n  c:\n    schedule: *a\n'), ['yaml-unknown-key', 'yaml-wrong-type']);
  });

  it("reports a block without 'type' on its key, and a second 'type'", () => {
    const text = 'connectors:\n  c:\n    target:\n      url: https://x\n';
    const { errors, document } = parse(text);
    assert.deepEqual(
      errors.map((e) => [e.code, at(text, e.span)]),
      [['yaml-missing-type', 'target']],
    );
    assert.equal(targetBlock(document.connectors[0])!.type, '');
    assert.deepEqual(codes('connectors:\n  c:\n    source: { type: okta, type: azure }\n'), ['yaml-duplicate-key']);
  });

  it('reports empty values and bad reference shapes', () => {
    assert.deepEqual(codes('connectors:\n  c:\n    source: { type: okta, org_url: }\n'), ['missing-value']);
    assert.deepEqual(codes('connectors:\n  c:\n    map: { property: { A: } }\n'), ['missing-value']);
    assert.deepEqual(codes('connectors:\n  c:\n    source: { type: okta, token: { vault: x } }\n'), [
      'yaml-wrong-type',
    ]);
    assert.deepEqual(codes('connectors:\n  c:\n    source: { type: okta, token: { env: [a] } }\n'), [
      'yaml-wrong-type',
    ]);
  });

  it('reports expression syntax errors inside the scalar', () => {
    const text = 'connectors:\n  c:\n    map:\n      property:\n        A: first(a,\n';
    const { errors } = parse(text);
    assert.equal(errors[0].code, 'syntax-error');
    assert.ok(errors[0].span.start >= text.indexOf('first'));
  });

  it('keeps duplicate keys as duplicate items, so the checks report them', () => {
    const text = [
      'connectors:',
      '  c:',
      '    source: { type: okta, org_url: "https://a.okta.com", org_url: "https://b.okta.com", token: { env: T } }',
      '    target: { type: jira, url: "https://jira.x", token: { env: J } }',
      '    match: { username: profile.login }',
      '    map:',
      '      property:',
      '        Dept: profile.department',
      '        Dept: profile.division',
    ].join('\n');
    const { document, errors } = parse(text);
    assert.deepEqual(errors, []);
    assert.equal(sourceBlock(document.connectors[0])!.settings.filter((s) => s.key === 'org_url').length, 2);
    assert.equal(mappingsOf(document.connectors[0]).filter((m: Mapping) => m.key === 'Dept').length, 2);
    const found = checkDocument(document, errors).map((d) => d.code);
    assert.ok(found.includes('duplicate-setting'), found.join());
    assert.ok(found.includes('duplicate-mapping'), found.join());
  });

  it('reads an empty file as an empty document', () => {
    assert.deepEqual(parse(''), {
      document: { form: 'yaml', uri: URI, text: '', connectors: [], dangling: [] },
      errors: [],
    });
  });

  it('never throws, on arbitrary text or on a valid document with characters inserted or deleted', () => {
    const chars = fc.constantFrom(...'connectors: source type map - { } [ ] , " \' # & * ! | > \n   a 1'.split(' '));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: chars, maxLength: 60 })), (text) => void parse(text)),
      { numRuns: 300 },
    );
    const edit = fc.tuple(fc.nat(EXAMPLE.length), fc.nat(3), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = EXAMPLE;
        for (const [i, remove, insert] of edits) text = text.slice(0, i) + insert + text.slice(i + remove);
        parse(text);
      }),
      { numRuns: 300 },
    );
    for (let i = 0; i <= EXAMPLE.length; i++) parse(EXAMPLE.slice(0, i));
  });
});

describe('the limit on YAML syntax errors', () => {
  /** Connector `a` with `n` lines of one syntax error each, then its target, then connector `b`. */
  const withErrors = (n: number) =>
    'connectors:\n  a:\n    source: { type: okta }\n    junk:\n' +
    '    x: "a" b\n'.repeat(n) +
    '    target: { type: jira }\n  b:\n    source: { type: nosuch }\n';
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

  it(`reports ${MAX_SYNTAX_ERRORS} syntax errors, then where it stopped reading`, () => {
    const text = withErrors(1500);
    const { document, errors } = parseYaml(text, URI);
    assert.equal(errors.filter((e) => e.code === 'yaml-syntax').length, MAX_SYNTAX_ERRORS);
    const stops = errors.filter((e) => e.code === 'too-many-errors');
    assert.equal(stops.length, 1);
    assert.match(stops[0].message, /^1000 syntax errors: the text from here on is not read/);
    assert.equal(lineOf(text, stops[0].span.start), 4 + MAX_SYNTAX_ERRORS, 'the stop is on the 1001st bad line');
    assert.ok(
      errors.every((e) => e.span.start <= stops[0].span.start),
      'nothing is reported after the stop',
    );
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['a'],
      'connector b is not read',
    );
    const items = document.connectors[0].items;
    assert.ok(!items.some((i) => i.kind === 'block' && i.role === 'target'), "a's target is not read");
    assert.ok(
      items.every((i) => i.span.start < stops[0].span.start),
      'no item of a after the stop',
    );
    assert.deepEqual(
      checkDocument(document, errors, {}).filter((d) => d.span.start > stops[0].span.start),
      [],
      'nothing after the stop is checked',
    );
  });

  it('reads to the end when the errors stay under the limit', () => {
    const { document, errors } = parseYaml(withErrors(MAX_SYNTAX_ERRORS), URI);
    assert.equal(errors.filter((e) => e.code === 'yaml-syntax').length, MAX_SYNTAX_ERRORS);
    assert.ok(!errors.some((e) => e.code === 'too-many-errors'));
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['a', 'b'],
    );
  });
});

import { strict as assert } from 'assert';
import type { Mapping, PathExpr } from '../../server/src/model/model';
import { mappingsOf, sourceBlock, targetBlock, usersOf } from '../../server/src/model/query';
import { parseExpression, parseUsersync } from '../../server/src/syntax/parse-usersync';

const BASELINE = `# comments start with '#'
connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_id     = "5d2a0e7c-1b9f-4c1e-9a57-3f0c2b7d9e11"
    client_secret = env("AZURE_CLIENT_SECRET")
    filter        = "accountEnabled eq true"
  }
  target jira {
    url   = "https://jira.contoso.com"
    token = secret("jira-pat")
  }
  match username = lower(userPrincipalName)
  schedule "0 */6 * * *"
  on_empty = keep

  map property "Department"  = department
  map property "Cost Center" = employeeOrgData.costCenter
  map property "Badge"       = onPremisesExtensionAttributes.extensionAttribute1
  map property "Manager"     = manager.mail
  map property "Phone"       = first(mobilePhone, businessPhones[0])
  map property "Company"     = "Contoso Ltd."

  user "alice@contoso.com"
}

connector okta_wiki {
  source okta { org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN") }
  target confluence { url = "https://wiki.contoso.com"  token = secret("wiki-pat") }
  match username = profile.login
  map profile position = profile.title
  map profile location = join(", ", profile.city, profile.countryCode)
  map property "Employee Number" = profile.employeeNumber
}
`;

function parse(text: string) {
  return parseUsersync(text, 'file:///t.usersync');
}

function at(text: string, s: { start: number; end: number }): string {
  return text.slice(s.start, s.end);
}

describe('parser', () => {
  it('reads the baseline document without errors', () => {
    const { document, errors } = parse(BASELINE);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['contoso_jira', 'okta_wiki'],
    );
    const [jira, wiki] = document.connectors;
    assert.equal(sourceBlock(jira)?.type, 'azure');
    assert.equal(targetBlock(wiki)?.type, 'confluence');
    assert.equal(mappingsOf(jira).length, 6);
    assert.deepEqual(
      usersOf(jira).map((u) => u.login),
      ['alice@contoso.com'],
    );
    assert.deepEqual(
      mappingsOf(wiki).map((m) => [m.target, m.key]),
      [
        ['profile', 'position'],
        ['profile', 'location'],
        ['property', 'Employee Number'],
      ],
    );
  });

  it('gives every name a span on its own text', () => {
    const { document } = parse(BASELINE);
    const badge = mappingsOf(document.connectors[0])[2];
    assert.equal(at(BASELINE, badge.keySpan), '"Badge"');
    const path = badge.expr as PathExpr;
    assert.deepEqual(
      path.segments.map((s) => at(BASELINE, s.span)),
      ['onPremisesExtensionAttributes', 'extensionAttribute1'],
    );
    assert.equal(at(BASELINE, path.span), 'onPremisesExtensionAttributes.extensionAttribute1');
  });

  it('reads indexes and selectors as accesses on the segment before them', () => {
    const { document, errors } = parse(
      'connector g { map property "T" = organizations[primary=true].title map property "P" = phones[type="work"].value map property "B" = businessPhones[0] }',
    );
    assert.deepEqual(errors, []);
    const exprs = mappingsOf(document.connectors[0]).map((m: Mapping) => m.expr as PathExpr);
    assert.deepEqual(exprs[0].segments[0].access, {
      kind: 'selector',
      key: 'primary',
      value: 'true',
      span: exprs[0].segments[0].access!.span,
    });
    assert.equal(exprs[1].segments[0].access?.kind, 'selector');
    assert.equal((exprs[2].segments[0].access as { index: number }).index, 0);
  });

  it('decodes escapes in strings and keeps unknown backslashes as written', () => {
    const { document } = parse(
      'connector c { map property "A" = "say \\"hi\\"\\n" map property "B" = replace(x, "\\d+", "") }',
    );
    const [a, b] = mappingsOf(document.connectors[0]);
    assert.deepEqual(a.expr, { kind: 'string', value: 'say "hi"\n', span: a.expr.span });
    assert.equal(b.expr.kind === 'call' && b.expr.args[1].kind === 'string' && b.expr.args[1].value, '\\d+');
  });

  it('attaches comments: leading, trailing and dangling', () => {
    const { document } = parse('# head\nconnector c {\n  user "a" # pinned\n  # tail\n}\n');
    const c = document.connectors[0];
    assert.deepEqual(
      c.leading.map((x) => x.text),
      [' head'],
    );
    assert.equal(usersOf(c)[0].trailing?.text, ' pinned');
    assert.deepEqual(
      c.dangling.map((x) => x.text),
      [' tail'],
    );
  });
});

describe('parser recovery', () => {
  it('reports several syntax errors in one file and keeps the rest of the model', () => {
    const text =
      'connector a {\n  source azure { tenant = }\n  map property "A" = \n  user "x"\n}\nconnector b { match username = lower( }\n';
    const { document, errors } = parse(text);
    assert.ok(errors.length >= 2, JSON.stringify(errors));
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['a', 'b'],
    );
    assert.deepEqual(
      usersOf(document.connectors[0]).map((u) => u.login),
      ['x'],
    );
  });

  it('keeps a half-typed path as a path with an empty last segment', () => {
    const text = 'connector a {\n  map property "M" = manager.\n  user "x"\n}';
    const { document } = parse(text);
    const m = mappingsOf(document.connectors[0])[0];
    assert.equal(m.expr.kind, 'path');
    assert.deepEqual(
      (m.expr as PathExpr).segments.map((s) => s.name),
      ['manager', ''],
    );
    assert.equal(usersOf(document.connectors[0]).length, 1);
  });

  it('turns a missing value into a missing expression located where it belongs', () => {
    const text = 'connector a { source okta { token = } }';
    const { document } = parse(text);
    const token = sourceBlock(document.connectors[0])!.settings[0];
    assert.equal(token.value.kind, 'missing');
    assert.ok(token.value.span.start >= token.keySpan.end && token.value.span.end <= text.length);
  });

  it('keeps an argument left out after a comma as a missing expression at the end of the call', () => {
    const text = 'connector a {\n  map property "P" = first(mail,\n}';
    const { document, errors } = parse(text);
    const call = mappingsOf(document.connectors[0])[0].expr;
    assert.equal(call.kind, 'call');
    assert.equal(at(text, call.span), 'first(mail,');
    assert.deepEqual(call.kind === 'call' && call.args.map((a) => a.kind), ['path', 'missing']);
    assert.deepEqual(call.kind === 'call' && call.args[1].span, { start: call.span.end, end: call.span.end });
    assert.equal(errors.length, 1);
  });

  it('keeps a selector cut short by the end of the file, with an empty value', () => {
    const text = 'connector a { map property "T" = organizations[type=';
    const { document } = parse(text);
    const path = mappingsOf(document.connectors[0])[0].expr as PathExpr;
    const access = path.segments[0].access;
    assert.deepEqual(access && { ...access, span: at(text, access.span) }, {
      kind: 'selector',
      key: 'type',
      value: '',
      span: '[type=',
    });
    assert.equal(at(text, path.span), 'organizations[type=');
  });

  it('places an embedded expression and its holes at their offsets in the larger text', () => {
    const { expr, errors } = parseExpression('lower(a,', 10);
    assert.equal(expr.kind, 'call');
    assert.deepEqual(expr.span, { start: 10, end: 18 });
    assert.deepEqual(expr.kind === 'call' && expr.args.map((a) => [a.kind, a.span.start, a.span.end]), [
      ['path', 16, 17],
      ['missing', 18, 18],
    ]);
    assert.deepEqual(
      errors.map((e) => [e.code, e.span.start]),
      [['syntax-error', 18]],
    );
  });

  it('names an unclosed string and an unexpected character precisely', () => {
    const text = 'connector a { schedule "0 * * *\n user "x" }\nconnector b { ~ }';
    const { errors } = parse(text);
    const codes = errors.map((e) => e.code);
    assert.ok(codes.includes('unterminated-string'));
    assert.ok(codes.includes('unexpected-character'));
    const unexpected = errors.find((e) => e.code === 'unexpected-character')!;
    assert.equal(text.slice(unexpected.span.start, unexpected.span.end), '~');
  });

  it('says what stands at the top level', () => {
    const { errors } = parse('source azure {}');
    assert.match(errors[0].message, /only connector blocks/);
  });
});

describe('parser: keywords as attribute names', () => {
  it('reads an item keyword after a dot on the same line as a member (an Okta custom attribute)', () => {
    const { document, errors } = parseUsersync(
      'connector a {\n  map property "S" = profile.source\n  map property "U" = profile.user\n}',
      'file:///k.usersync',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(
      mappingsOf(document.connectors[0]).map((m) => (m.expr as PathExpr).segments.map((s) => s.name).join('.')),
      ['profile.source', 'profile.user'],
    );
  });
});

describe('parser: nesting', () => {
  it('reads calls up to 64 deep and cuts out, with an error, the call that goes deeper', () => {
    const nest = (n: number) => 'lower('.repeat(n) + 'mail' + ')'.repeat(n);
    const ok = parseUsersync(`connector a { map property "A" = ${nest(64)} }`, 'file:///n.usersync');
    assert.deepEqual(ok.errors, []);
    const text = `connector a { map property "A" = ${nest(65)}\n  user "x" }`;
    const deep = parseUsersync(text, 'file:///n.usersync');
    assert.deepEqual(
      deep.errors.map((e) => e.code),
      ['nesting-too-deep'],
    );
    const cut = deep.errors[0].span;
    assert.equal(text.slice(cut.start, cut.end), 'lower(mail)');
    assert.deepEqual(
      usersOf(deep.document.connectors[0]).map((u) => u.login),
      ['x'],
    );
  });
});

import { strict as assert } from 'assert';
import { formatText } from '../../server/src/format/format-text';
import { convert } from '../../server/src/yaml/convert';
import { parseYaml } from '../../server/src/yaml/parse-yaml';
import { printValue } from '../../server/src/yaml/print-yaml';
import type { Expr } from '../../server/src/model/model';

const USERSYNC = 'file:///w/contoso.usersync';
const YAML = 'file:///w/contoso.usersync.yaml';

const SOURCE = `# header
connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_secret = env("AZURE_CLIENT_SECRET") # from the vault
  }
  target jira {
    url   = "https://jira.contoso.com"
    token = secret("jira-pat")
    store = entity
  }

  match username = lower(userPrincipalName)
  schedule "0 */6 * * *"
  on_empty = keep

  map property "Department" = department
  map property "Company"    = "Contoso Ltd."
  map property "Phone"      = first(mobilePhone, businessPhones[0])

  user "alice@contoso.com"
}
`;

const AS_YAML = `# header
connectors:
  contoso_jira:
    source:
      type: azure
      tenant: contoso.onmicrosoft.com
      client_secret: { env: AZURE_CLIENT_SECRET } # from the vault
    target:
      type: jira
      url: https://jira.contoso.com
      token: { secret: jira-pat }
      store: entity
    match:
      username: lower(userPrincipalName)
    schedule: "0 */6 * * *"
    on_empty: keep
    map:
      property:
        Department: department
        Company: '"Contoso Ltd."'
        Phone: first(mobilePhone, businessPhones[0])
    users:
      - alice@contoso.com
`;

const s = (value: string): Expr => ({ kind: 'string', value, span: { start: 0, end: 0 } });

describe('convert', () => {
  it('writes a .usersync document as YAML, comments kept', () => {
    assert.deepEqual(convert(SOURCE, USERSYNC, 'yaml'), { text: AS_YAML, errors: [] });
  });

  it('writes the YAML back as the same .usersync text', () => {
    assert.deepEqual(convert(AS_YAML, YAML, 'usersync'), { text: SOURCE, errors: [] });
  });

  it('prints YAML that fmt leaves alone', () => {
    assert.equal(formatText(AS_YAML, YAML).text, AS_YAML);
  });

  it('quotes text YAML would read as something else, and writes other expressions as { expr: }', () => {
    assert.equal(printValue('tenant', s('true')), "'true'");
    assert.equal(printValue('tenant', s('0123')), "'0123'");
    assert.equal(printValue('tenant', s('a: b')), "'a: b'");
    assert.equal(printValue('tenant', s('line\nbreak')), '"line\\nbreak"');
    assert.equal(printValue('tenant', s('')), "''");
    assert.equal(printValue('on_empty', s('keep')), `'"keep"'`);
    assert.equal(
      printValue('token', {
        kind: 'call',
        name: 'env',
        nameSpan: { start: 0, end: 0 },
        args: [s('A, B')],
        span: { start: 0, end: 0 },
      }),
      "{ env: 'A, B' }",
    );
    assert.equal(
      printValue('token', {
        kind: 'call',
        name: 'lower',
        nameSpan: { start: 0, end: 0 },
        args: [s('X')],
        span: { start: 0, end: 0 },
      }),
      '{ expr: lower("X") }',
    );
    const back = parseYaml(
      `connectors:\n  c:\n    source:\n      type: okta\n      org_url: ${printValue('org_url', s('true'))}\n`,
      YAML,
    );
    assert.deepEqual(back.errors, []);
  });

  it('refuses a document with syntax errors and returns them', () => {
    const result = convert('connector a { map property "A" = }', USERSYNC, 'yaml');
    assert.equal(result.text, undefined);
    assert.equal(result.errors[0].code, 'syntax-error');
  });

  it('refuses YAML names that .usersync cannot spell, pointing at them', () => {
    const text = 'connectors:\n  contoso-jira:\n    source: { type: azure, tenant id: x }\n';
    const result = convert(text, YAML, 'usersync');
    assert.equal(result.text, undefined);
    assert.deepEqual(
      result.errors.map((e) => [e.code, text.slice(e.span.start, e.span.end)]),
      [
        ['cannot-convert', 'contoso-jira'],
        ['cannot-convert', 'tenant id'],
      ],
    );
    assert.match(result.errors[0].message, /connector name 'contoso-jira' cannot be written in the \.usersync form/);
  });

  it('refuses .usersync options whose names the YAML form reserves', () => {
    const text = 'connector a { schedule = "x"  source okta { type = "y" } }';
    const result = convert(text, USERSYNC, 'yaml');
    assert.equal(result.text, undefined);
    assert.deepEqual(
      result.errors.map((e) => text.slice(e.span.start, e.span.end)),
      ['schedule', 'type'],
    );
  });
});

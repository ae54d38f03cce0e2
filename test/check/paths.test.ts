import { strict as assert } from 'assert';
import { EQUIVALENT_ATTRIBUTES } from '../../server/src/check/path-equivalents';
import type { SourceType } from '../../server/src/model/model';
import { resolvePath } from '../../server/src/model/paths';
import { parseExpression } from '../../server/src/syntax/parse-usersync';
import {
  GOOGLE,
  OKTA,
  expectClean,
  expectDiagnostic,
  expectDiagnostics,
  expectFixResolves,
  expectNo,
  usersync,
} from './fixture';

const azure = (...lines: string[]) => usersync({ lines });
const okta = (...lines: string[]) => usersync({ source: OKTA, match: 'match username = profile.login', lines });
const google = (...lines: string[]) => usersync({ source: GOOGLE, match: 'match username = primaryEmail', lines });

describe('checks: attribute paths', () => {
  it('reports an unknown attribute at the segment, with a did-you-mean fix', () => {
    const fixed = expectFixResolves(
      azure('map property "A" = ⟦departmnt⟧'),
      'unknown-attribute',
      "Change to 'department'",
    );
    expectClean(fixed);
  });

  it('reports an unknown field after a known attribute at that field', () => {
    const d = expectDiagnostic(azure('map property "A" = employeeOrgData.⟦costCentre⟧'), 'unknown-attribute');
    assert.match(d.message, /^employeeOrgData has no field 'costCentre'; did you mean 'costCenter'\?/);
  });

  it('finds a name that lives under another attribute', () => {
    const fixed = expectFixResolves(
      azure('map property "A" = ⟦costCenter⟧'),
      'unknown-attribute',
      "Change to 'employeeOrgData.costCenter'",
    );
    assert.match(fixed, /= employeeOrgData\.costCenter\n/);
  });

  it("names the IdP a path belongs to, and offers this IdP's equivalent", () => {
    const d = expectDiagnostic(azure('map property "A" = ⟦profile.login⟧'), 'attribute-of-other-idp');
    assert.equal(
      d.message,
      'profile.login is an Okta attribute; this connector reads azure (there it is userPrincipalName)',
    );
    expectClean(
      expectFixResolves(
        azure('map property "A" = ⟦profile.login⟧'),
        'attribute-of-other-idp',
        "Change to 'userPrincipalName'",
      ),
    );
    expectDiagnostic(okta('map property "A" = ⟦userPrincipalName⟧'), 'attribute-of-other-idp');
  });

  it('accepts custom attributes with a hint that says why', () => {
    const ext = expectDiagnostic(
      azure('map property "A" = ⟦extension_b7b1c57b532f40b8b5ed4b7a7ba67401_badge⟧'),
      'custom-attribute',
    );
    assert.equal(ext.severity, 'hint');
    assert.match(ext.message, /not in the Graph schema; accepted as a directory extension/);
    const okt = expectDiagnostic(okta('map property "A" = profile.⟦employeeType⟧'), 'custom-attribute');
    assert.match(okt.message, /not in the Okta base profile; accepted as a custom profile attribute/);
    expectDiagnostic(google('map property "A" = customSchemas.⟦employment⟧.level'), 'custom-attribute');
  });

  it('offers the catalog name when a custom name looks like a typo of it', () => {
    const fixed = expectFixResolves(
      okta('map property "A" = profile.⟦costCentre⟧'),
      'custom-attribute',
      "Change to 'costCenter'",
    );
    expectNo(fixed, 'custom-attribute');
  });

  it('with the custom attributes the IdP lists, warns about the others', () => {
    const options = { customAttributes: () => new Set(['profile.employeeType', 'profile.badgeNumber']) };
    expectNo(okta('map property "A" = profile.employeeType'), 'unknown-custom-attribute', options);
    expectNo(okta('map property "A" = profile.employeeType'), 'custom-attribute', options);
    const d = expectDiagnostic(okta('map property "A" = profile.⟦employeeTyp⟧'), 'unknown-custom-attribute', options);
    assert.equal(d.severity, 'warning');
    expectFixResolves(
      okta('map property "A" = profile.⟦employeeTyp⟧'),
      'unknown-custom-attribute',
      "Change to 'profile.employeeType'",
      options,
    );
  });

  it('reports an index on a single-valued attribute and removes it', () => {
    expectClean(expectFixResolves(azure('map property "A" = department⟦[0]⟧'), 'index-on-single-value', 'Remove [0]'));
  });

  it('warns about a multi-valued attribute without index and adds [0]', () => {
    const d = expectDiagnostic(azure('map property "Phone" = ⟦businessPhones⟧'), 'multi-value-without-index');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(
      d.fixes?.map((f) => f.title),
      ['Add [0]'],
    );
    expectClean(
      expectFixResolves(azure('map property "Phone" = ⟦businessPhones⟧'), 'multi-value-without-index', 'Add [0]'),
    );
  });

  it('offers [primary=true] and [type=work] for Google collections', () => {
    const source = google('map property "Title" = ⟦organizations⟧.title');
    const d = expectDiagnostic(source, 'multi-value-without-index');
    assert.deepEqual(
      d.fixes?.map((f) => f.title),
      ['Add [primary=true]', 'Add [type=work]', 'Add [0]'],
    );
    assert.equal(d.fixes?.[0].preferred, true);
    const fixed = expectFixResolves(source, 'multi-value-without-index', 'Add [primary=true]');
    assert.match(fixed, /organizations\[primary=true\]\.title/);
    expectFixResolves(google('map property "Phone" = ⟦phones⟧.value'), 'multi-value-without-index', 'Add [type=work]');
  });

  it('warns that a per-user Graph attribute costs one request per user', () => {
    const d = expectDiagnostic(azure('map property "About" = ⟦aboutMe⟧'), 'per-user-attribute');
    assert.equal(d.message, 'Graph returns aboutMe only per user: one extra request per user');
  });

  it('reports a path that ends at an object and offers its fields', () => {
    const fixed = expectFixResolves(
      azure('map property "Boss" = ⟦manager⟧'),
      'object-value',
      "Change to 'manager.mail'",
    );
    expectClean(fixed);
  });

  it('reports a navigation usersync does not follow', () => {
    expectDiagnostic(azure('map property "A" = ⟦directReports⟧.mail'), 'unsupported-navigation');
    expectDiagnostic(azure('map property "A" = ⟦directReports⟧'), 'unsupported-navigation');
    expectNo(azure('map property "A" = directReports.mail'), 'unknown-attribute');
  });

  it('reports a selector key the elements do not have', () => {
    expectFixResolves(
      google('map property "A" = phones[⟦tpye⟧=work].value'),
      'unknown-selector-key',
      "Change to 'type'",
    );
  });

  it('reports a selector on a true/false field with another value', () => {
    expectFixResolves(
      google('map property "A" = organizations[primary=⟦yes⟧].title'),
      'selector-value-not-boolean',
      "Change to 'true'",
    );
  });

  it('checks paths inside function calls too', () => {
    expectDiagnostics(azure('map property "A" = first(⟦mobilePhon⟧, lower(⟦mial⟧))'), 'unknown-attribute');
  });

  it('skips path checks when the source type is unknown', () => {
    expectNo(
      usersync({ source: 'source ldap { }', lines: ['map property "A" = whatever.this.is'] }),
      'unknown-attribute',
    );
  });

  it('has an equivalent table whose every entry resolves in its IdP', () => {
    for (const row of EQUIVALENT_ATTRIBUTES) {
      for (const [idp, path] of Object.entries(row) as [SourceType, string][]) {
        const { expr, errors } = parseExpression(path, 0);
        assert.deepEqual(errors, []);
        assert.equal(expr.kind, 'path');
        if (expr.kind === 'path') assert.equal(resolvePath(expr, idp).kind, 'found', `${idp}: ${path}`);
      }
    }
  });
});

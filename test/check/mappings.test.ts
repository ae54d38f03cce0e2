import { strict as assert } from 'assert';
import {
  CONFLUENCE,
  OKTA,
  applyFix,
  expectClean,
  expectDiagnostic,
  expectDiagnostics,
  expectFixResolves,
  expectNo,
  fixTitled,
  unmark,
  usersync,
} from './fixture';

const jira = (...lines: string[]) => usersync({ lines });
const confluence = (...lines: string[]) => usersync({ target: CONFLUENCE, lines });
const JIRA_ENTITY =
  'target jira {\n    url = "https://jira.contoso.com"\n    token = env("JIRA_TOKEN")\n    store = entity\n  }';

describe('checks: map lines', () => {
  it('reports a map word other than property or profile, with a fix', () => {
    expectClean(expectFixResolves(jira('map ⟦proprety⟧ "A" = mail'), 'unknown-map-target', "Change to 'property'"));
  });

  it('reports map profile on Jira and rewrites it as a property', () => {
    const source = jira('map ⟦profile⟧ position = jobTitle');
    const d = expectDiagnostic(source, 'map-target-not-supported');
    assert.match(d.message, /Jira has no profile fields/);
    const fixed = applyFix(unmark(source).text, fixTitled(d, 'Change to map property "Position"'));
    assert.match(fixed, /map property "Position" = jobTitle/);
    expectClean(fixed);
  });

  it('reports an unknown Confluence profile field, suggesting the field people mean', () => {
    const d = expectDiagnostic(confluence('map profile ⟦title⟧ = jobTitle'), 'unknown-profile-field');
    assert.match(
      d.message,
      /the fields are phone, im, website, position, department, location; did you mean 'position'\?/,
    );
    expectClean(
      expectFixResolves(confluence('map profile ⟦title⟧ = jobTitle'), 'unknown-profile-field', "Change to 'position'"),
    );
    expectFixResolves(confluence('map profile ⟦locaton⟧ = city'), 'unknown-profile-field', "Change to 'location'");
  });

  it('accepts the six Confluence profile fields and properties', () => {
    expectClean(
      confluence(
        'map profile phone = mobilePhone',
        'map profile im = mail',
        'map profile website = mySite',
        'map profile position = jobTitle',
        'map profile department = department',
        'map profile location = officeLocation',
        'map property "Cost Center EU" = employeeOrgData.costCenter',
      ).replace('map profile website = mySite', 'map profile website = mail'),
    );
  });

  it('reports Jira property keys with other characters than letters, digits and spaces', () => {
    const d = expectDiagnostic(
      jira('map property ⟦"Cost-Center"⟧ = employeeOrgData.costCenter'),
      'invalid-property-key',
    );
    assert.equal(d.message, 'Jira user property keys may contain only letters, digits and spaces');
    expectClean(
      expectFixResolves(
        jira('map property ⟦"Cost-Center"⟧ = employeeOrgData.costCenter'),
        'invalid-property-key',
        'Change to "Cost Center"',
      ),
    );
    expectDiagnostic(jira(`map property ⟦"${'K'.repeat(201)}"⟧ = mail`), 'invalid-property-key');
    expectDiagnostic(jira('map property ⟦""⟧ = mail'), 'invalid-property-key');
  });

  it('takes any key up to 255 bytes for Jira entity properties', () => {
    expectClean(
      usersync({ target: JIRA_ENTITY, lines: ['map property "hr.cost-center" = employeeOrgData.costCenter'] }),
    );
    expectDiagnostic(
      usersync({ target: JIRA_ENTITY, lines: [`map property ⟦"${'é'.repeat(128)}"⟧ = mail`] }),
      'invalid-property-key',
    );
  });

  it('reports a key mapped twice, pointing at the first', () => {
    const source = jira('map property "Dept" = department', 'map property ⟦"Dept"⟧ = jobTitle');
    const d = expectDiagnostic(source, 'duplicate-mapping');
    assert.equal(d.related?.[0].span.start, unmark(source).text.indexOf('"Dept"'));
    expectClean(expectFixResolves(source, 'duplicate-mapping', 'Remove this map line'));
    expectNo(
      confluence('map profile department = department', 'map property "department" = department'),
      'duplicate-mapping',
    );
  });

  it('rejects constants longer than the target keeps', () => {
    const long = (n: number) => `"${'x'.repeat(n)}"`;
    expectClean(jira(`map property "A" = ${long(250)}`));
    const d = expectDiagnostic(jira(`map property "A" = ⟦${long(251)}⟧`), 'value-too-long');
    assert.match(d.message, /251 characters; Jira user properties take at most 250/);
    expectClean(confluence(`map profile position = ${long(255)}`));
    assert.match(
      expectDiagnostic(confluence(`map profile position = ⟦${long(256)}⟧`), 'value-too-long').message,
      /keep only the first 255/,
    );
    expectClean(confluence(`map property "Motto" = ${long(250)}`));
    expectDiagnostic(confluence(`map property "Motto" = ⟦${long(251)}⟧`), 'value-too-long');
  });

  it('warns when the source attribute can be longer than the target keeps', () => {
    const d = expectDiagnostic(jira('map property "Street" = ⟦streetAddress⟧'), 'value-may-be-too-long');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /up to 1024 characters; Jira user properties take at most 250/);
    expectDiagnostic(
      confluence('map profile location = ⟦lower(onPremisesExtensionAttributes.extensionAttribute3)⟧'),
      'value-may-be-too-long',
    );
    expectNo(jira('map property "City" = city'), 'value-may-be-too-long');
    // substring with a length is the fix: the value is then at most that long
    expectNo(jira('map property "Street" = substring(streetAddress, "0", "250")'), 'value-may-be-too-long');
    expectDiagnostic(jira('map property "Street" = ⟦substring(streetAddress, "0", "251")⟧'), 'value-may-be-too-long');
    expectNo(
      usersync({
        source: OKTA,
        match: 'match username = profile.login',
        lines: ['map property "Zip" = profile.zipCode'],
      }),
      'value-may-be-too-long',
    );
  });

  it('warns about a mapping to the empty string', () => {
    const d = expectDiagnostic(jira('map property "A" = ⟦""⟧'), 'empty-constant');
    assert.match(d.message, /never writes anything/);
  });

  it('says that a mapping to the empty string removes the key from every user under on_empty = clear', () => {
    for (const onEmpty of ['on_empty = clear', 'on_empty = "clear"']) {
      const d = expectDiagnostic(jira(onEmpty, 'map property "Dept" = ⟦""⟧'), 'empty-constant');
      assert.match(d.message, /with on_empty = clear this line removes the property 'Dept' from every user who has it/);
    }
    const profile = expectDiagnostic(
      usersync({ target: CONFLUENCE, lines: ['on_empty = clear', 'map profile department = ⟦""⟧'] }),
      'empty-constant',
    );
    assert.match(profile.message, /removes the profile field department from every user/);
    assert.match(
      expectDiagnostic(jira('on_empty = keep', 'map property "A" = ⟦""⟧'), 'empty-constant').message,
      /never writes/,
    );
  });

  it('reports every problem of a line list at its own place', () => {
    expectDiagnostics(
      jira('map property "A" = mail', 'map property ⟦"A"⟧ = mail', 'map property ⟦"A"⟧ = mail'),
      'duplicate-mapping',
    );
  });
});

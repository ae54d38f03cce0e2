import { strict as assert } from 'assert';
import { getCatalog, normalizePath, whichIdpHas } from '../../server/src/model/catalogs/catalog';

describe('attribute catalogs', () => {
  describe('azure (Microsoft Graph user)', () => {
    const azure = getCatalog('azure');

    it('lists onPremisesExtensionAttributes.extensionAttribute1..15', () => {
      const names = azure.children('onPremisesExtensionAttributes').map((a) => a.name);
      const expected = Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`);
      assert.deepEqual([...names].sort(), [...expected].sort());
      assert.equal(azure.get('onPremisesExtensionAttributes.extensionAttribute7')?.type, 'string');
    });

    it('lists employeeOrgData.costCenter, selectable only on request', () => {
      const costCenter = azure.get('employeeOrgData.costCenter');
      assert.equal(costCenter?.type, 'string');
      assert.equal(costCenter?.returnedByDefault, false);
    });

    it('knows manager as a navigation property', () => {
      const manager = azure.get('manager');
      assert.equal(manager?.navigation, true);
      assert.equal(manager?.isCollection, false);
      assert.equal(manager?.typeName, 'microsoft.graph.directoryObject');
    });

    it('marks the properties $select cannot read on the collection', () => {
      for (const p of [
        'aboutMe',
        'birthday',
        'hireDate',
        'interests',
        'mySite',
        'pastProjects',
        'preferredName',
        'responsibilities',
        'schools',
        'skills',
        'mailboxSettings',
        'mailboxSettings.timeZone',
      ]) {
        assert.equal(azure.get(p)?.listSupported, false, p);
      }
      assert.equal(azure.get('department')?.listSupported, undefined);
    });

    it('keeps the directory extension pattern out of the attributes and in the custom patterns', () => {
      assert.ok(azure.attributes.every((a) => !a.path.includes('{')));
      assert.ok(azure.customPatterns.some((p) => p.pattern === 'extension_{appIdWithoutDashes}_{name}'));
    });

    it('collections of objects list their selector keys', () => {
      assert.deepEqual(azure.get('identities')?.selectorKeys, ['issuer', 'issuerAssignedId', 'signInType']);
      assert.equal(azure.get('businessPhones')?.selectorKeys, undefined);
    });
  });

  describe('okta', () => {
    const okta = getCatalog('okta');

    it('lists profile.login with its limit and profile as an open object', () => {
      assert.equal(okta.get('profile.login')?.maxLength, 100);
      assert.equal(okta.get('profile')?.open, true);
      assert.ok(okta.children('profile').some((a) => a.name === 'employeeNumber'));
      assert.deepEqual(
        okta.customPatterns.map((p) => p.pattern),
        ['profile.{name}'],
      );
    });
  });

  describe('google', () => {
    const google = getCatalog('google');

    it('lists organizations[].title as a field of each organization', () => {
      assert.equal(google.get('organizations')?.isCollection, true);
      const title = google.get('organizations[].title');
      assert.equal(title?.name, 'title');
      assert.equal(google.get('organizations[0].title'), title);
      assert.equal(google.get('organizations[primary=true].title'), title);
    });

    it('gives element fields as children of the collection', () => {
      assert.deepEqual(
        google
          .children('phones')
          .map((a) => a.name)
          .sort(),
        ['customType', 'primary', 'type', 'value'],
      );
      assert.deepEqual(google.children('phones[]'), google.children('phones'));
      assert.ok(google.get('phones')?.selectorKeys?.includes('type'));
    });

    it('knows customSchemas is open and not in the basic projection', () => {
      assert.equal(google.get('customSchemas')?.open, true);
      const pattern = google.customPatterns.find((p) => p.pattern === 'customSchemas.{schemaName}.{fieldName}');
      assert.equal(pattern?.returnedByDefault, false);
    });
  });

  it('answers which IdPs have a path', () => {
    assert.deepEqual(whichIdpHas('profile.login'), ['okta']);
    assert.deepEqual(whichIdpHas('userPrincipalName'), ['azure']);
    assert.deepEqual(whichIdpHas('organizations[0].title'), ['google']);
    assert.deepEqual(whichIdpHas('id'), ['azure', 'okta', 'google']);
    assert.deepEqual(whichIdpHas('nothing.here'), []);
  });

  it('normalizes indexes and selectors to []', () => {
    assert.equal(normalizePath('phones[type=work].value'), 'phones[].value');
    assert.equal(normalizePath('a[0].b[1]'), 'a[].b[]');
  });

  it('builds each catalog once', () => {
    assert.equal(getCatalog('google'), getCatalog('google'));
  });

  it('returns copies from children() so callers cannot damage the catalog', () => {
    const okta = getCatalog('okta');
    okta.children('profile').length = 0;
    assert.ok(okta.children('profile').length > 20);
  });
});

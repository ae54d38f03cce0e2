import { strict as assert } from 'assert';
import { completePath } from '../../server/src/model/paths';
import { path } from './builders';

const names = (xs: { name: string }[]) => xs.map((x) => x.name);

describe('completePath', () => {
  it('offers the top level without navigations usersync does not read', () => {
    const top = names(completePath([], 'azure'));
    assert.ok(top.includes('userPrincipalName'));
    assert.ok(top.includes('manager'));
    assert.ok(!top.includes('drive'));
    assert.ok(!top.includes('memberOf'));
  });

  it("offers the manager's attributes after manager.", () => {
    const items = completePath(['manager'], 'azure');
    assert.ok(items.some((a) => a.path === 'manager.mail' && a.name === 'mail'));
    assert.ok(items.every((a) => !a.navigation));
    assert.deepEqual(
      completePath(['manager', 'employeeOrgData'], 'azure')
        .map((a) => a.path)
        .sort(),
      ['manager.employeeOrgData.costCenter', 'manager.employeeOrgData.division'],
    );
  });

  it('offers extensionAttribute1..15 after onPremisesExtensionAttributes.', () => {
    const items = names(completePath(['onPremisesExtensionAttributes'], 'azure'));
    assert.equal(items.length, 15);
    assert.ok(items.includes('extensionAttribute15'));
  });

  it('offers Okta profile fields after profile.', () => {
    const items = names(completePath(['profile'], 'okta'));
    for (const n of ['login', 'email', 'title', 'employeeNumber', 'countryCode']) assert.ok(items.includes(n), n);
  });

  it('offers element fields after a Google selector, taking model segments', () => {
    const segments = path('phones[type=work]').segments;
    assert.deepEqual(names(completePath(segments, 'google')).sort(), ['customType', 'primary', 'type', 'value']);
  });

  it('offers nothing after plain values, unknown names and half-typed paths', () => {
    assert.deepEqual(completePath(['mail'], 'azure'), []);
    assert.deepEqual(completePath(['nosuch'], 'okta'), []);
    assert.deepEqual(completePath(['', ''], 'google'), []);
  });
});

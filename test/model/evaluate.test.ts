import { strict as assert } from 'assert';
import { evaluate } from '../../server/src/model/evaluate';
import type { Expr } from '../../server/src/model/model';
import { call, missing, path, str } from './builders';

const graphUser = {
  id: '4562bcc8-c436-4f95-b7c0-4f8ce89dca5e',
  userPrincipalName: 'first.last_fabrikam.com#EXT#@contoso.onmicrosoft.com',
  displayName: 'MOD Administrator',
  mobilePhone: null,
  businessPhones: ['425-555-0100', '425-555-0199'],
  accountEnabled: true,
  deviceEnrollmentLimit: 15,
  employeeOrgData: { costCenter: 'CC-42', division: null },
  onPremisesExtensionAttributes: { extensionAttribute1: 'B-1001' },
  manager: { '@odata.type': '#microsoft.graph.user', mail: 'boss@contoso.com', displayName: 'The Boss' },
  identities: [
    { signInType: 'userPrincipalName', issuer: 'contoso.onmicrosoft.com', issuerAssignedId: 'x' },
    { signInType: 'emailAddress', issuer: 'contoso.onmicrosoft.com', issuerAssignedId: 'alice@example.com' },
  ],
};

const googleUser = {
  primaryEmail: 'liz@example.com',
  organizations: [
    { title: 'Intern', primary: false },
    { title: 'SWE', primary: true, costCenter: 'R&D' },
  ],
  phones: [
    { value: '+1 555 0100', type: 'home' },
    { value: '+1 555 0199', type: 'work' },
  ],
  customSchemas: { employmentData: { projects: [{ value: 'Apollo' }, { value: 'Gemini' }], level: 7 } },
};

function value(expr: Expr, user: Record<string, unknown>): string | undefined {
  return evaluate(expr, user).value;
}

describe('evaluate', () => {
  describe('paths', () => {
    it('reads top-level and nested values exactly as received', () => {
      assert.equal(value(path('displayName'), graphUser), 'MOD Administrator');
      assert.equal(value(path('employeeOrgData.costCenter'), graphUser), 'CC-42');
      assert.equal(value(path('onPremisesExtensionAttributes.extensionAttribute1'), graphUser), 'B-1001');
    });

    it('reads the expanded Graph manager as an object under manager', () => {
      assert.equal(value(path('manager.mail'), graphUser), 'boss@contoso.com');
      assert.equal(value(path('manager.mail'), { manager: null }), undefined);
    });

    it('gives no value for null, missing attributes and half-parsed paths, without warnings', () => {
      for (const p of ['mobilePhone', 'employeeOrgData.division', 'nope', 'nope.deeper', 'manager.', '']) {
        const r = evaluate(path(p), graphUser);
        assert.equal(r.value, undefined, p);
        assert.deepEqual(r.warnings, [], p);
      }
      assert.deepEqual(evaluate(missing(), graphUser), { value: undefined, warnings: [] });
    });

    it('turns numbers and booleans into text', () => {
      assert.equal(value(path('accountEnabled'), graphUser), 'true');
      assert.equal(value(path('deviceEnrollmentLimit'), graphUser), '15');
      assert.equal(value(path('customSchemas.employmentData.level'), googleUser), '7');
    });

    it('indexes lists, out of range giving no value', () => {
      assert.equal(value(path('businessPhones[1]'), graphUser), '425-555-0199');
      assert.equal(value(path('businessPhones[5]'), graphUser), undefined);
      assert.equal(value(path('customSchemas.employmentData.projects[1].value'), googleUser), 'Gemini');
    });

    it('selects list elements by a field, comparing as text (booleans as true/false)', () => {
      assert.equal(value(path('organizations[primary=true].title'), googleUser), 'SWE');
      assert.equal(value(path('organizations[primary=false].title'), googleUser), 'Intern');
      assert.equal(value(path('phones[type=work].value'), googleUser), '+1 555 0199');
      assert.equal(value(path('phones[type=mobile].value'), googleUser), undefined);
      assert.equal(value(path('identities[signInType=emailAddress].issuerAssignedId'), graphUser), 'alice@example.com');
    });

    it('uses the first value of a list read without an index, warning when others are dropped', () => {
      const r = evaluate(path('businessPhones'), graphUser);
      assert.equal(r.value, '425-555-0100');
      assert.deepEqual(r.warnings, [
        { message: 'businessPhones has 2 values; the first is used', path: 'businessPhones' },
      ]);
      const nested = evaluate(path('organizations.title'), googleUser);
      assert.equal(nested.value, 'Intern');
      assert.equal(nested.warnings.length, 1);
      assert.deepEqual(evaluate(path('businessPhones'), { businessPhones: ['only'] }), { value: 'only', warnings: [] });
      assert.deepEqual(evaluate(path('businessPhones'), { businessPhones: [] }), { value: undefined, warnings: [] });
    });

    it('gives no value and a warning for an object', () => {
      const r = evaluate(path('employeeOrgData'), graphUser);
      assert.equal(r.value, undefined);
      assert.deepEqual(r.warnings, [
        { message: 'employeeOrgData is an object, not a single value', path: 'employeeOrgData' },
      ]);
    });

    it('warns when data has another shape than the path expects', () => {
      const field = evaluate(path('displayName.first'), graphUser);
      assert.equal(field.value, undefined);
      assert.match(field.warnings[0].message, /displayName is a string, so it has no field first/);
      const index = evaluate(path('displayName[0]'), graphUser);
      assert.equal(index.value, undefined);
      assert.match(index.warnings[0].message, /displayName is a string, not a list/);
      assert.equal(
        evaluate(path('organizations[primary=true].title'), { organizations: { title: 'x' } }).warnings.length,
        1,
      );
    });

    it('names in a warning the part of the path walked so far, indexes and selectors included', () => {
      const many = evaluate(path('organizations[type=work].title'), {
        organizations: [{ type: 'work', title: ['a', 'b'] }],
      });
      assert.deepEqual(many, {
        value: 'a',
        warnings: [
          {
            message: 'organizations[type=work].title has 2 values; the first is used',
            path: 'organizations[type=work].title',
          },
        ],
      });
      const scalar = evaluate(path('phones[0].value'), { phones: ['+1 555 0100'] });
      assert.equal(scalar.warnings[0].message, 'phones[0] is a string, so it has no field value');
      const notList = evaluate(path('relations[0].value'), { relations: { value: 'x' } });
      assert.equal(notList.warnings[0].message, 'relations is an object, not a list');
    });

    it('reads only own properties, never the prototype chain', () => {
      assert.equal(value(path('constructor'), {}), undefined);
      assert.equal(value(path('toString'), graphUser), undefined);
      assert.equal(value(path('__proto__'), JSON.parse('{"__proto__": "own"}')), 'own');
    });

    it('keeps text exactly: surrogate pairs, right-to-left, combining marks, spaces', () => {
      for (const s of ['😀 Zoë', 'שלום עולם', 'e\u0301\u0323', '  padded  ', '\u200f\u202ertl', 'a\u0000b', '\ud800']) {
        assert.equal(value(path('displayName'), { displayName: s }), s);
        assert.equal(value(str(s), {}), s);
      }
    });
  });

  describe('function calls', () => {
    it('evaluates arguments and applies the function', () => {
      assert.equal(value(call('lower', path('manager.mail')), { manager: { mail: 'Boss@X.com' } }), 'boss@x.com');
      assert.equal(value(call('guest_email', path('userPrincipalName')), graphUser), 'first.last@fabrikam.com');
      assert.equal(value(call('first', path('mobilePhone'), path('businessPhones[0]')), graphUser), '425-555-0100');
      assert.equal(value(call('join', str(', '), path('nope'), str('Contoso Ltd.')), graphUser), 'Contoso Ltd.');
    });

    it('collects warnings from arguments and functions', () => {
      const r = evaluate(call('replace', path('businessPhones'), str('('), str('')), graphUser);
      assert.equal(r.value, undefined);
      assert.deepEqual(
        r.warnings.map((w) => w.path),
        ['businessPhones', 'replace()'],
      );
    });

    it('gives no value for an unknown or unnamed function', () => {
      assert.deepEqual(evaluate(call('shout', str('x')), {}).warnings, [
        { message: 'unknown function shout', path: 'shout()' },
      ]);
      assert.deepEqual(evaluate(call('', str('x')), {}), { value: undefined, warnings: [] });
    });
  });

  it('never throws, even on hostile objects', () => {
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    const r = evaluate(path('boom'), hostile);
    assert.equal(r.value, undefined);
    assert.match(r.warnings[0].message, /getter exploded/);
    assert.equal(evaluate(path('x'), null as unknown as Record<string, unknown>).value, undefined);
    assert.equal(evaluate(null as unknown as Expr, {}).value, undefined);
  });

  it('handles huge strings', () => {
    const big = 'ä'.repeat(2_000_000);
    assert.equal(value(call('upper', path('a')), { a: big })?.length, big.length);
  });
});

import { strict as assert } from 'assert';
import { getCatalog } from '../../server/src/model/catalogs/catalog';
import type { SourceType } from '../../server/src/model/model';
import {
  resolvePath,
  type CustomPath,
  type FoundPath,
  type PathResolution,
  type UnknownPath,
} from '../../server/src/model/paths';
import { path } from './builders';

function resolve(text: string, idp: SourceType): PathResolution {
  return resolvePath(path(text), idp);
}

function found(text: string, idp: SourceType): FoundPath {
  const r = resolve(text, idp);
  assert.equal(r.kind, 'found', `${text} on ${idp}: ${JSON.stringify(r)}`);
  return r as FoundPath;
}

function custom(text: string, idp: SourceType): CustomPath {
  const r = resolve(text, idp);
  assert.equal(r.kind, 'custom', `${text} on ${idp}: ${JSON.stringify(r)}`);
  return r as CustomPath;
}

function unknown(text: string, idp: SourceType): UnknownPath {
  const r = resolve(text, idp);
  assert.equal(r.kind, 'unknown', `${text} on ${idp}: ${JSON.stringify(r)}`);
  return r as UnknownPath;
}

describe('resolvePath', () => {
  describe('attributes in the catalog', () => {
    it('finds a top-level attribute with its catalog entry and no flags', () => {
      const r = found('userPrincipalName', 'azure');
      assert.equal(r.path, 'userPrincipalName');
      assert.equal(r.attribute.type, 'string');
      assert.deepEqual(r.flags, {});
    });

    it('finds nested attributes and says they need $select', () => {
      const r = found('employeeOrgData.costCenter', 'azure');
      assert.equal(r.path, 'employeeOrgData.costCenter');
      assert.equal(r.flags.notReturnedByDefault, true);
      assert.equal(found('onPremisesExtensionAttributes.extensionAttribute15', 'azure').attribute.maxLength, 1024);
    });

    it('flags attributes GET /users cannot list (501 on $select)', () => {
      assert.equal(found('aboutMe', 'azure').flags.listNotSupported, true);
      assert.equal(found('mailboxSettings.timeZone', 'azure').flags.listNotSupported, true);
      assert.equal(found('department', 'azure').flags.listNotSupported, undefined);
    });

    it('finds Okta profile fields', () => {
      const r = found('profile.login', 'okta');
      assert.equal(r.attribute.maxLength, 100);
      assert.deepEqual(r.flags, {});
    });

    it('flags a path that ends at an object', () => {
      assert.equal(found('employeeOrgData', 'azure').flags.objectValue, true);
      assert.equal(found('name', 'google').flags.objectValue, true);
      assert.equal(found('name.givenName', 'google').flags.objectValue, undefined);
    });
  });

  describe('collections', () => {
    it('accepts an index on a collection', () => {
      const r = found('businessPhones[0]', 'azure');
      assert.deepEqual(r.flags, {});
    });

    it('flags a multi-valued attribute read without an index, at that segment', () => {
      const text = 'organizations.title';
      const r = found(text, 'google');
      assert.equal(r.path, 'organizations[].title');
      assert.deepEqual(r.flags.multiValuedWithoutIndex, { start: 0, end: 'organizations'.length });
      assert.ok(found('businessPhones', 'azure').flags.multiValuedWithoutIndex);
    });

    it('flags an index on a single-valued attribute with the span of the index', () => {
      const r = found('department[0]', 'azure');
      assert.deepEqual(r.flags.indexOnSingleValued, { start: 10, end: 13 });
      assert.ok(found('profile[type=work].login', 'okta').flags.indexOnSingleValued);
    });

    it('accepts Google selectors on element fields', () => {
      const work = found('phones[type=work].value', 'google');
      assert.equal(work.path, 'phones[].value');
      assert.deepEqual(work.flags, {});
      assert.deepEqual(found('organizations[primary=true].title', 'google').flags, {});
      assert.deepEqual(found('emails[customType=office].address', 'google').flags, {});
    });

    it('flags a selector key that is not a field of the element, with suggestions', () => {
      const r = found('phones[typ=work].value', 'google');
      const bad = r.flags.unknownSelectorKey;
      assert.equal(bad?.key, 'typ');
      assert.deepEqual(bad?.span, { start: 6, end: 16 });
      assert.deepEqual(bad?.suggestions, ['type']);
      assert.deepEqual(bad?.validKeys, ['customType', 'primary', 'type', 'value']);
    });

    it('flags a selector on a list of plain values', () => {
      const r = found('aliases[type=work]', 'google');
      assert.deepEqual(r.flags.unknownSelectorKey?.validKeys, []);
    });

    it('flags a non-boolean value for a boolean selector key', () => {
      assert.equal(found('organizations[primary=yes].title', 'google').flags.selectorValueNotBoolean?.key, 'primary');
      assert.equal(found('organizations[primary=false].title', 'google').flags.selectorValueNotBoolean, undefined);
    });
  });

  describe('Graph manager', () => {
    it("resolves manager.<x> among the user's own attributes and asks for $expand", () => {
      const r = found('manager.mail', 'azure');
      assert.equal(r.path, 'manager.mail');
      assert.equal(r.attribute.path, 'manager.mail');
      assert.equal(r.attribute.name, 'mail');
      assert.equal(r.via?.path, 'manager');
      assert.equal(r.flags.needsExpand, true);
      assert.equal(r.flags.notReturnedByDefault, undefined);
      for (const x of ['displayName', 'userPrincipalName', 'id', 'jobTitle', 'employeeOrgData.costCenter']) {
        assert.equal(found(`manager.${x}`, 'azure').flags.needsExpand, true, x);
      }
    });

    it('treats manager alone as an object and other navigations as unsupported', () => {
      const manager = found('manager', 'azure');
      assert.equal(manager.flags.needsExpand, true);
      assert.equal(manager.flags.objectValue, true);
      assert.deepEqual(found('drive', 'azure').flags.unsupportedNavigation, { start: 0, end: 5 });
      assert.ok(found('manager.manager', 'azure').flags.unsupportedNavigation);
    });

    it("suggests the manager's attributes for a typo after manager.", () => {
      const r = unknown('manager.mial', 'azure');
      assert.equal(r.segmentIndex, 1);
      assert.deepEqual(r.span, { start: 8, end: 12 });
      assert.ok(r.suggestions.includes('mail'));
    });

    it('explains that other navigations have no readable fields', () => {
      assert.match(unknown('drive.name', 'azure').hint ?? '', /navigation property/);
    });
  });

  describe('custom attributes', () => {
    it('accepts Graph directory extensions named extension_<32 hex app id>_<name>', () => {
      const r = custom('extension_b7b1c57b532f40b8b5ed4b7a7ba67401_jobGroupTracker', 'azure');
      assert.equal(r.pattern.pattern, 'extension_{appIdWithoutDashes}_{name}');
      assert.match(r.reason, /extension_\{appIdWithoutDashes\}_\{name\}/);
      assert.equal(r.flags.notReturnedByDefault, true);
      assert.equal(
        custom('manager.extension_b7b1c57b532f40b8b5ed4b7a7ba67401_x', 'azure').path,
        'manager.extension_b7b1c57b532f40b8b5ed4b7a7ba67401_x',
      );
    });

    it('explains the expected form of a malformed extension name', () => {
      const r = unknown('extension_1234_jobGroup', 'azure');
      assert.match(r.hint ?? '', /extension_\{appIdWithoutDashes\}_\{name\}/);
    });

    it('accepts Graph custom security attributes under their open object', () => {
      assert.equal(
        custom('customSecurityAttributes.Engineering.ProjectDate', 'azure').flags.notReturnedByDefault,
        true,
      );
    });

    it('accepts any Okta profile.<name> outside the catalog, noting close base attributes', () => {
      const r = custom('profile.badgeNumber', 'okta');
      assert.equal(r.path, 'profile.badgeNumber');
      assert.equal(r.segmentIndex, 1);
      assert.deepEqual(r.suggestions, []);
      assert.deepEqual(custom('profile.logn', 'okta').suggestions, ['login']);
    });

    it('accepts Google customSchemas.<schema>.<field>, multi-valued ones too', () => {
      const r = custom('customSchemas.employmentData.projects[0].value', 'google');
      assert.equal(r.path, 'customSchemas.employmentData.projects[].value');
      assert.equal(r.flags.notReturnedByDefault, true);
      assert.equal(r.segmentIndex, 1);
    });

    it('does not accept custom names where the IdP has none', () => {
      unknown('profile.badgeNumber', 'azure');
      unknown('extension_b7b1c57b532f40b8b5ed4b7a7ba67401_x', 'okta');
      unknown('name.nickname', 'google');
    });
  });

  describe('unknown attributes', () => {
    it('suggests siblings for a typo, case-insensitively, at most three', () => {
      const r = unknown('departmnt', 'azure');
      assert.deepEqual(r.suggestions, ['department']);
      assert.deepEqual(r.span, { start: 0, end: 9 });
      assert.deepEqual(unknown('userprincipalname', 'azure').suggestions, ['userPrincipalName']);
      assert.ok(unknown('extensionAttribute', 'azure').suggestions.length <= 3);
    });

    it('points at the failing segment of a nested path', () => {
      const r = unknown('employeeOrgData.costCentre', 'azure');
      assert.equal(r.segmentIndex, 1);
      assert.deepEqual(r.span, { start: 16, end: 26 });
      assert.deepEqual(r.suggestions, ['costCenter']);
      assert.equal(r.parent?.path, 'employeeOrgData');
    });

    it('names the IdPs that do have the path', () => {
      assert.deepEqual(unknown('profile.login', 'azure').otherIdps, ['okta']);
      assert.deepEqual(unknown('userPrincipalName', 'google').otherIdps, ['azure']);
      assert.deepEqual(unknown('organizations[primary=true].title', 'okta').otherIdps, ['google']);
      assert.deepEqual(unknown('nosuchthing', 'okta').otherIdps, []);
    });

    it('answers a misspelt name the same way every time, whatever a caller did with an earlier answer', () => {
      const first = unknown('departmnt', 'azure');
      first.suggestions.push('changed by a caller');
      first.elsewhere.push('changed by a caller');
      const again = unknown('departmnt', 'azure');
      assert.deepEqual(again.suggestions, ['department']);
      assert.deepEqual(again.elsewhere, []);
    });

    it('finds the same name elsewhere under manager., with the manager in front', () => {
      assert.deepEqual(unknown('costCenter', 'azure').elsewhere, ['employeeOrgData.costCenter']);
      assert.deepEqual(unknown('manager.costCenter', 'azure').elsewhere, ['manager.employeeOrgData.costCenter']);
      assert.deepEqual(unknown('costCenter', 'azure').elsewhere, ['employeeOrgData.costCenter']);
    });

    it('finds the same name elsewhere in the catalog', () => {
      assert.deepEqual(unknown('costCenter', 'azure').elsewhere, ['employeeOrgData.costCenter']);
      assert.deepEqual(unknown('login', 'okta').elsewhere, ['profile.login']);
      assert.ok(unknown('title', 'google').elsewhere.includes('organizations[].title'));
    });

    it('explains that a plain value has no fields', () => {
      const r = unknown('mail.domain', 'azure');
      assert.equal(r.segmentIndex, 1);
      assert.match(r.hint ?? '', /mail is a string value/);
    });
  });

  describe('the catalogs themselves', () => {
    for (const idp of ['azure', 'okta', 'google'] as const) {
      it(`resolves every ${idp} catalog path to its own entry`, () => {
        for (const a of getCatalog(idp).attributes) {
          const r = found(a.path.replace(/\[\]/g, '[0]'), idp);
          assert.equal(r.attribute, a, a.path);
          assert.equal(r.path, a.path);
        }
      });
    }
  });

  describe('half-parsed paths', () => {
    it('returns an incomplete unknown for an empty segment instead of throwing', () => {
      const r = unknown('manager.', 'azure');
      assert.equal(r.incomplete, true);
      assert.equal(r.segmentIndex, 1);
      assert.equal(r.parent?.path, 'manager');
      assert.equal(unknown('', 'okta').incomplete, true);
      assert.equal(unknown('a..b', 'google').segmentIndex, 0);
    });

    it('handles a path with no segments at all', () => {
      const r = resolvePath({ kind: 'path', segments: [], span: { start: 4, end: 4 } }, 'azure');
      assert.equal(r.kind, 'unknown');
      assert.deepEqual((r as UnknownPath).span, { start: 4, end: 4 });
    });
  });
});

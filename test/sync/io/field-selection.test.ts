import { strict as assert } from 'assert';
import { googleListFields, googleUserFields } from '../../../server/src/sync/sources/google-select';
import { oktaFields } from '../../../server/src/sync/sources/okta-select';

const paths = (...dotted: string[]) => dotted.map((d) => d.split('.'));

describe('asking the IdP only for what a connector reads', () => {
  describe('Google partial response (fields)', () => {
    it('selects id and each top-level User field the paths start with, once, keeping the page token', () => {
      assert.equal(
        googleListFields(
          googleUserFields(paths('primaryEmail', 'organizations.title', 'organizations.department', 'name.fullName')),
        ),
        'nextPageToken,users(id,primaryEmail,organizations,name)',
      );
    });

    it('leaves out a name the User schema lacks, which Google would answer with 400', () => {
      assert.equal(
        googleListFields(googleUserFields(paths('primaryEmail', 'departmnt', 'customSchemas.employmentData.badge'))),
        'nextPageToken,users(id,primaryEmail,customSchemas)',
      );
    });
  });

  describe('Okta projection (fields)', () => {
    it('always asks for status and lastUpdated (incremental reads need them) and lists profile attributes in profile:()', () => {
      assert.equal(
        oktaFields(paths('profile.login', 'profile.title', 'profile.badgeNumber', 'profile.title')),
        'id,status,lastUpdated,profile:(login,title,badgeNumber)',
      );
    });

    it('asks for other top-level properties by name and for the whole profile when a path reads it whole', () => {
      assert.equal(oktaFields(paths('created', 'profile', 'profile.login')), 'id,status,lastUpdated,created,profile');
    });

    it('projects nothing when a name is not a plain word, rather than send an ambiguous selector', () => {
      assert.equal(oktaFields([['profile', 'odd,name']]), undefined);
      assert.equal(oktaFields([['x(y)']]), undefined);
    });
  });
});

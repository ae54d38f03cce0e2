import { strict as assert } from 'assert';
import { Directory } from '../../server/src/sandbox/directory';
import { AtlassianUsers } from '../../server/src/sandbox/targets';
import { displayEmail, userPrincipalName } from '../../server/src/sandbox/users';

const everyone = (d: Directory) => d.page(0, d.size).people;

describe('sandbox people', () => {
  it('are the same for the same seed and differ for another seed', () => {
    const a = everyone(new Directory(200, 7));
    const b = everyone(new Directory(200, 7));
    const c = everyone(new Directory(200, 8));
    assert.deepEqual(a, b);
    assert.notDeepEqual(
      a.map((p) => p.email),
      c.map((p) => p.email),
    );
  });

  it('do not depend on how many are generated: the first 50 of 2,000 are the 50 of 50', () => {
    assert.deepEqual(everyone(new Directory(2000, 3)).slice(0, 50), everyone(new Directory(50, 3)));
  });

  it('have unique lower-case addresses, which are the Atlassian usernames', () => {
    const emails = everyone(new Directory(5000, 1)).map((p) => p.email);
    assert.equal(new Set(emails).size, 5000);
    assert.ok(emails.every((e) => e === e.toLowerCase() && /^[a-z0-9.-]+@[a-z.]+$/.test(e)));
  });

  it('include every edge case among only 50 people', () => {
    const people = everyone(new Directory(50, 1));
    const guest = people.find((p) => p.guest)!;
    assert.match(userPrincipalName(guest), /^[a-z.]+_fabrikam\.com#EXT#@contoso\.onmicrosoft\.com$/);
    assert.equal(displayEmail(guest), guest.email);
    assert.ok(
      people.some((p) => (p.jobTitle ?? '').length > 255),
      'a value over 255 characters',
    );
    assert.ok(
      people.some((p) => /[À-ÿ]/.test(p.displayName)),
      'accents',
    );
    assert.ok(
      people.some((p) => /[\u0590-\u06ff]/.test(p.displayName)),
      'right-to-left script',
    );
    assert.ok(
      people.some((p) => /\p{Extended_Pictographic}/u.test(p.displayName)),
      'emoji',
    );
    assert.ok(people.some((p) => p.mobilePhone === null));
    assert.ok(people.some((p) => p.businessPhone === null));
    assert.ok(people.some((p) => p.division === null && p.costCenter === null));
    assert.ok(people.some((p) => p.manager < 0) && people.some((p) => p.manager >= 0));
    assert.ok(people.some((p) => p.oktaStatus === 'DEPROVISIONED'));
    assert.ok(people.filter((p) => p.oktaStatus === 'ACTIVE').length > 40, 'mostly ACTIVE');
  });

  it('map vendor ids back to the person, and unknown ids to nobody', () => {
    const d = new Directory(300, 5);
    const p = d.at(123)!;
    assert.equal(d.byGraphId(d.ids.graphId(123))?.email, p.email);
    assert.equal(d.byOktaId(d.ids.oktaId(123))?.email, p.email);
    assert.equal(d.byGoogleId(d.ids.googleId(123))?.email, p.email);
    assert.match(d.ids.graphId(123), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(d.ids.oktaId(123), /^00u[0-9A-Za-z]{17}$/);
    assert.match(d.ids.googleId(123), /^\d{21}$/);
    assert.equal(d.byGraphId(d.ids.graphId(300)), undefined, 'index beyond the directory');
    assert.equal(d.byGraphId('00000000-0000-4000-8000-000000000000'), undefined);
    assert.equal(d.byOktaId('00uAAAAAAAAAAAAAAAAA'), undefined);
  });

  it('record changes: lastUpdated moves forward and the change log lists the person once', () => {
    const d = new Directory(20, 1);
    const email = d.at(4)!.email;
    const before = d.at(4)!.lastUpdated;
    const v = d.version;
    d.update(email, { department: 'Quality' });
    d.update(email, { jobTitle: 'Lead' });
    assert.equal(d.byAddress(email)!.department, 'Quality');
    assert.ok(d.byAddress(email)!.lastUpdated > before);
    assert.deepEqual(d.changedSince(v), [4]);
    d.remove(email);
    assert.equal(d.byAddress(email), undefined);
    assert.equal(d.at(4)!.removed, 'deleted');
  });

  it('seed Jira and Confluence with ~3% of people missing and a mix of equal, stale and absent values', () => {
    const d = new Directory(1000, 2);
    const jira = new AtlassianUsers('jira', d, 2);
    const missing = everyone(d).filter((p) => !jira.get(p.email)).length;
    assert.ok(missing >= 20 && missing <= 40, `missing ${missing}`);
    let equal = 0;
    let stale = 0;
    let absent = 0;
    for (const p of everyone(d)) {
      const v = jira.get(p.email)?.properties.Department;
      if (v === undefined) absent++;
      else if (v === p.department) equal++;
      else stale++;
    }
    assert.ok(equal > 300 && stale > 50 && absent > 100, `${equal}/${stale}/${absent}`);
    assert.ok(jira.get('admin'), 'local accounts exist too');
  });
});

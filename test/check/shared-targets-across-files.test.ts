import { strict as assert } from 'assert';
import { placedConnectors } from '../../server/src/check/shared-targets';
import { keyWritesOf, sharedTargetKeysAcrossFiles } from '../../server/src/check/shared-targets-across-files';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import { JIRA, OKTA, unmark, usersync } from './fixture';

/** A file's connectors as the pass takes them (one piece, spans from the start of the text). */
function placed(text: string) {
  return placedConnectors(parseUsersync(text, 'file:///x.usersync').document);
}

const okta = (name: string, line: string) =>
  usersync({ name, source: OKTA, target: JIRA, match: 'match username = lower(profile.login)', lines: [line] });

describe('checks: a key connectors of two files write to one target', () => {
  const employees = usersync({ name: 'employees' }); // azure → the fixture's Jira, maps Department and more
  const other = { label: 'employees.usersync', writes: keyWritesOf(employees, placed(employees)) };

  it('is information at the map line, naming the other file, connector and line', () => {
    const source = okta('contractors', 'map property ⟦"Department"⟧ = profile.department');
    const { text, ranges } = unmark(source);
    const found = sharedTargetKeysAcrossFiles(placed(text), [other]);
    assert.deepEqual(
      found.map((d) => [d.code, d.severity, d.span]),
      [['shared-target-key', 'information', ranges[0]]],
    );
    const line = employees.split('\n').findIndex((l) => l.includes('"Department"')) + 1;
    assert.equal(
      found[0].message,
      `connector 'employees' in employees.usersync:${line} writes property 'Department' to this jira too; ` +
        "where both connectors read the same people, each run undoes the other's",
    );
  });

  it('says nothing of keys the other file does not write, or of another target', () => {
    const text = okta('contractors', 'map property "Badge" = profile.badgeNumber');
    assert.deepEqual(sharedTargetKeysAcrossFiles(placed(text), [other]), []);
    const elsewhere = okta('contractors', 'map property "Department" = profile.department').replace(
      'https://jira.contoso.com',
      'https://jira2.contoso.com',
    );
    assert.deepEqual(sharedTargetKeysAcrossFiles(placed(elsewhere), [other]), []);
  });
});

import { strict as assert } from 'assert';
import { planJson, renderPlan } from '../../../server/src/cli/output/plan-view';
import { emptyStats, type Plan } from '../../../server/src/sync/plan/plan-types';

function plan(): Plan {
  const stats = {
    ...emptyStats(),
    idpUsers: 3,
    matched: 2,
    missing: 1,
    changedUsers: 1,
    changes: 2,
    clears: 1,
    clearedUsers: 1,
  };
  return {
    changes: [
      { connector: 'c', user: 'alice', kind: 'property', key: 'Title', before: 'Engineer', after: 'x'.repeat(100) },
      { connector: 'c', user: 'alice', kind: 'profile', key: 'phone', before: '+1 555', after: null },
    ],
    warnings: [{ connector: 'c', user: 'ghost', code: 'missing-in-target', message: "jira has no user 'ghost'" }],
    stats,
  };
}

describe('preview output', () => {
  it('groups rows by user, cuts long values with an ellipsis, marks clears, ends with a summary', () => {
    const text = renderPlan([{ connector: 'c', target: 'jira', plan: plan() }]);
    const lines = text.split('\n');
    assert.equal(lines[0], 'c → jira');
    assert.equal(lines[1], '  alice');
    assert.match(lines[2], /^ {4}Title\s+Engineer\s+→ {2}x{39}…$/);
    assert.match(lines[3], /^ {4}profile phone\s+\+1 555\s+→ {2}\(clear\)$/);
    assert.match(text, /missing-in-target {2}ghost: jira has no user 'ghost'/);
    assert.match(
      text,
      /3 IdP users: 2 matched, 1 missing in target, 0 skipped, 0 unchanged; 1 user to change \(2 changes, 1 clear\)/,
    );
  });

  it('caps each warning code at five lines and points to the JSON for the rest', () => {
    const p = plan();
    p.warnings = Array.from({ length: 8 }, (_, i) => ({
      connector: 'c',
      user: `u${i}`,
      code: 'missing-in-target' as const,
      message: 'no',
    }));
    const text = renderPlan([{ connector: 'c', target: 'jira', plan: p }]);
    assert.equal(text.match(/missing-in-target {2}u\d/g)?.length, 5);
    assert.match(text, /… and 3 more \(--format json lists all\)/);
  });

  it('gives JSON with every change (after: null for a clear), every warning, and stats summed over connectors', () => {
    const json = JSON.parse(
      planJson([
        { connector: 'c', target: 'jira', plan: plan() },
        { connector: 'd', target: 'jira', plan: plan() },
      ]),
    );
    assert.deepEqual(Object.keys(json), ['changes', 'warnings', 'stats']);
    assert.equal(json.changes.length, 4);
    assert.equal(json.changes[1].after, null);
    assert.equal(json.changes[0].after.length, 100, 'JSON values are never cut');
    assert.equal(json.warnings.length, 2);
    assert.equal(json.stats.idpUsers, 6);
    assert.equal(json.stats.clears, 2);
  });
});

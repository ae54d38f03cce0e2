import { strict as assert } from 'assert';
import { MARKDOWN_ROWS, planMarkdown, text } from '../../server/src/cli/output/plan-markdown';
import type { PlannedChange } from '../../server/src/sync/plan/plan-types';
import { emptyStats } from '../../server/src/sync/plan/plan-types';

const change = (user: string, key: string, before: string | null, after: string | null): PlannedChange => ({
  connector: 'hr',
  user,
  kind: 'property',
  key,
  before,
  after,
});

/** `usersync preview --format markdown`: a plan as a pull request comment. */
describe('preview as markdown', () => {
  it('is a table per connector with the counts, (none) and (clear) marked, warnings folded away', () => {
    const stats = { ...emptyStats(), idpUsers: 2, matched: 2, changedUsers: 1, changes: 2, clears: 1 };
    const md = planMarkdown([
      {
        connector: 'hr',
        target: 'jira',
        plan: {
          changes: [
            change('alice@contoso.com', 'Department', null, 'R&D'),
            change('alice@contoso.com', 'Badge', 'B1', null),
          ],
          warnings: [
            { connector: 'hr', user: 'bob@contoso.com', code: 'missing-in-target', message: 'jira has no user' },
          ],
          stats,
        },
      },
    ]);
    assert.equal(
      md,
      [
        '### usersync preview',
        '',
        '#### `hr` → jira',
        '',
        '2 IdP users: 2 matched, 0 missing in target, 0 skipped, 0 unchanged; 1 user to change (2 changes, 1 clear).',
        '',
        '| user | key | before | after |',
        '| --- | --- | --- | --- |',
        '| alice@contoso.com | Department | _(none)_ | R&amp;D |',
        '| alice@contoso.com | Badge | B1 | _(clear)_ |',
        '',
        '<details><summary>1 warning</summary>',
        '',
        '- `missing-in-target` bob@contoso.com: jira has no user',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('escapes what IdP values could turn into markup, links, HTML or mentions, and keeps each on one line', () => {
    assert.equal(
      text('a|b <img src=x> [x](https://e) *b* `c` @security\nx'),
      'a\\|b &lt;img src=x&gt; \\[x\\]\\(https://e\\) \\*b\\* \\`c\\` &#64;security ⏎ x',
    );
    assert.equal(text('alice@contoso.com'), 'alice@contoso.com', 'an address is not a mention');
    assert.equal(text('x'.repeat(80)).length, 60);
  });

  it(`shows the first ${MARKDOWN_ROWS} changes of a connector and counts the rest`, () => {
    const changes = Array.from({ length: MARKDOWN_ROWS + 7 }, (_, i) => change(`u${i}`, 'Department', null, 'X'));
    const md = planMarkdown([
      { connector: 'hr', target: 'jira', plan: { changes, warnings: [], stats: emptyStats() } },
    ]);
    assert.equal(md.split('\n').filter((l) => /^\| u\d/.test(l)).length, MARKDOWN_ROWS);
    assert.match(md, /_… and 7 more changes; `--format json` lists every one\._/);
  });
});

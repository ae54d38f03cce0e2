import { strict as assert } from 'assert';
import { hover } from '../../server/src/features/hover/hover';
import { head, marked } from './marked';

const NOW = new Date(2024, 0, 1, 10, 30);

function hoverAt(src: string) {
  const { doc, offset, text } = marked(src);
  const found = hover(doc, offset, NOW);
  return found && { ...found, word: text.slice(found.span.start, found.span.end) };
}

describe('hover', () => {
  it('explains extensionAttribute1: type, description, max length and that it needs $select', () => {
    const h = hoverAt(
      head('azure', 'jira') + '  map property "Badge" = onPremisesExtensionAttributes.extension|Attribute1\n}\n',
    );
    assert.equal(h?.word, 'extensionAttribute1');
    assert.match(h?.markdown ?? '', /onPremisesExtensionAttributes\.extensionAttribute1/);
    assert.match(h?.markdown ?? '', /\*\*string/);
    assert.match(h?.markdown ?? '', /First customizable extension attribute/);
    assert.match(h?.markdown ?? '', /Max length: 1024/);
    assert.match(h?.markdown ?? '', /only with `\$select`/);
  });

  it('tells Graph attributes returned by default from those needing one request per user', () => {
    assert.match(
      hoverAt(head('azure', 'jira') + '  map property "M" = mob|ilePhone\n}\n')?.markdown ?? '',
      /Returned by default/,
    );
    assert.match(
      hoverAt(head('azure', 'jira') + '  map property "A" = about|Me\n}\n')?.markdown ?? '',
      /one request per user/,
    );
  });

  it("explains the manager's fields as read through $expand", () => {
    const h = hoverAt(head('azure', 'jira') + '  map property "Manager" = manager.ma|il\n}\n');
    assert.match(h?.markdown ?? '', /`manager\.mail`/);
    assert.match(h?.markdown ?? '', /\$expand/);
  });

  it('shows the schedule in words and its next three runs', () => {
    const h = hoverAt(head('azure', 'jira') + '  schedule "0 */6| * * *"\n}\n');
    assert.equal(h?.word, '"0 */6 * * *"');
    assert.match(h?.markdown ?? '', /every 6 hours/i);
    const runs = (h?.markdown ?? '').split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(runs, ['- 2024-01-01 12:00 (Mon)', '- 2024-01-01 18:00 (Mon)', '- 2024-01-02 00:00 (Tue)']);
  });

  it('says what is wrong with an invalid schedule', () => {
    assert.match(
      hoverAt(head('azure', 'jira') + '  schedule "0 */6 *| *"\n}\n')?.markdown ?? '',
      /Invalid schedule: .*5 fields/,
    );
  });

  it('shows a function signature, its documentation and parameters', () => {
    const h = hoverAt(head('azure', 'jira') + '  map property "P" = fi|rst(mobilePhone, businessPhones[0])\n}\n');
    assert.equal(h?.word, 'first');
    assert.match(h?.markdown ?? '', /first\(value\.\.\.\)/);
    assert.match(h?.markdown ?? '', /`value\.\.\.` — Candidates/);
  });

  it('documents env(…) and settings and block types', () => {
    assert.match(
      hoverAt('connector c {\n  source okta { token = en|v("OKTA_API_TOKEN") }\n}\n')?.markdown ?? '',
      /environment variable/,
    );
    assert.match(
      hoverAt('connector c {\n  source azure { ten|ant = "x" }\n}\n')?.markdown ?? '',
      /\*\*tenant\*\* — required/,
    );
    assert.match(hoverAt('connector c {\n  target ji|ra { }\n}\n')?.markdown ?? '', /Jira Data Center/);
    assert.match(hoverAt('connector c {\n  on_em|pty = keep\n}\n')?.markdown ?? '', /keep.*clear/s);
  });

  it('says when a name is not an attribute of the source, with a suggestion', () => {
    const h = hoverAt(head('azure', 'jira') + '  map property "D" = departmnt|\n}\n');
    assert.match(h?.markdown ?? '', /not an attribute of azure/);
    assert.match(h?.markdown ?? '', /`department`/);
  });

  it('has nothing to say outside connectors or on punctuation', () => {
    assert.equal(hoverAt('# just a comment|\n'), undefined);
    assert.equal(hoverAt(head('azure', 'jira') + '  map property "D" =| department\n}\n'), undefined);
  });
});

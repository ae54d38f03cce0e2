import { strict as assert } from 'assert';
import { complete } from '../../server/src/features/completion/complete';
import type { CompletionEntry, CompletionEnvironment } from '../../server/src/features/completion/types';
import { head, marked } from './marked';

function at(src: string, env: CompletionEnvironment = {}): CompletionEntry[] {
  const { doc, offset } = marked(src);
  return complete(doc, offset, env);
}

function labels(src: string, env?: CompletionEnvironment): string[] {
  return at(src, env).map((e) => e.label);
}

describe('completion', () => {
  describe('structure', () => {
    it('offers a connector snippet at the top level, and only that', () => {
      const entries = at('# config\n|');
      assert.deepEqual(
        entries.map((e) => e.label),
        ['connector'],
      );
      assert.equal(entries[0].snippet, true);
      assert.match(entries[0].insertText ?? '', /^connector \$\{1:name\} \{/);
    });

    it('offers the connector snippet after a closed connector', () => {
      assert.deepEqual(labels(head('azure', 'jira') + '}\n\n|'), ['connector']);
    });

    it('offers the item keywords inside an empty connector', () => {
      assert.deepEqual(labels('connector c {\n  |\n}\n'), [
        'source',
        'target',
        'match username =',
        'schedule',
        'map property',
        'map profile',
        'user',
        'on_empty',
        'clear_guard',
      ]);
    });

    it('leaves out what the connector already has, and map profile in a Jira connector', () => {
      assert.deepEqual(labels(head('azure', 'jira') + '  |\n}\n'), [
        'schedule',
        'map property',
        'user',
        'on_empty',
        'clear_guard',
      ]);
    });

    it('offers the item keywords on the line after a finished mapping', () => {
      const got = labels(head('azure', 'confluence') + '  map property "A" = mail\n  us|\n}\n');
      assert.ok(got.includes('user') && got.includes('map profile'), got.join());
    });

    it('offers nothing right after a finished expression on the same line', () => {
      assert.deepEqual(labels(head('azure', 'jira') + '  map property "A" = mail |\n}\n'), []);
    });

    it('offers the source types after `source ` and the target types after `target `', () => {
      assert.deepEqual(labels('connector c {\n  source |\n}\n'), ['azure', 'okta', 'google']);
      assert.deepEqual(labels('connector c {\n  target co|\n}\n'), ['jira', 'confluence']);
    });

    it('offers nothing inside a comment', () => {
      assert.deepEqual(labels(head('azure', 'jira') + '  # map prof|\n}\n'), []);
    });
  });

  describe('settings', () => {
    it('offers the settings of the block type not set yet, required ones first, with docs', () => {
      const entries = at('connector c {\n  source azure {\n    tenant = "t"\n    |\n  }\n}\n');
      const names = entries.map((e) => e.label);
      assert.ok(!names.includes('tenant'));
      assert.deepEqual(names.slice(0, 1), ['client_id']);
      assert.ok(names.includes('client_secret') && names.includes('graph_url'));
      const secret = entries.find((e) => e.label === 'client_secret');
      assert.match(secret?.documentation ?? '', /client secret/i);
      assert.equal(secret?.insertText, 'client_secret = env("${1:AZURE_CLIENT_SECRET}")');
    });

    it('keeps offering the key being typed', () => {
      assert.deepEqual(labels('connector c {\n  target jira {\n    ur|\n  }\n}\n').slice(0, 2), ['url', 'token']);
    });

    it('offers the words of an enum setting and of on_empty', () => {
      assert.deepEqual(labels('connector c {\n  target jira {\n    store = |\n  }\n}\n'), ['properties', 'entity']);
      assert.deepEqual(labels('connector c {\n  on_empty = |\n}\n'), ['keep', 'clear']);
    });

    it('offers env, secret and file references for a secret setting', () => {
      assert.deepEqual(labels('connector c {\n  source okta {\n    token = |\n  }\n}\n'), [
        'env("…")',
        'secret("…")',
        'file("…")',
      ]);
    });

    it('offers the env and secret names used in the workspace inside the quotes', () => {
      const env: CompletionEnvironment = {
        referenceNames: (kind) => (kind === 'env' ? ['OKTA_API_TOKEN', 'JIRA_TOKEN'] : ['jira-pat']),
      };
      assert.deepEqual(labels('connector c {\n  source okta {\n    token = env("|")\n  }\n}\n', env), [
        'OKTA_API_TOKEN',
        'JIRA_TOKEN',
      ]);
      assert.deepEqual(labels('connector c {\n  target jira {\n    token = secret("ji|\n  }\n}\n', env), ['jira-pat']);
    });
  });

  describe('map profile', () => {
    it('offers exactly the six Confluence profile fields in a Confluence connector', () => {
      assert.deepEqual(labels(head('azure', 'confluence') + '  map profile |\n}\n'), [
        'phone',
        'im',
        'website',
        'position',
        'department',
        'location',
      ]);
    });

    it('offers nothing in a Jira connector', () => {
      assert.deepEqual(labels(head('azure', 'jira') + '  map profile |\n}\n'), []);
    });

    it('works at the very end of a half-typed file', () => {
      assert.deepEqual(labels(head('okta', 'confluence') + '  map profile |'), [
        'phone',
        'im',
        'website',
        'position',
        'department',
        'location',
      ]);
    });

    it('inserts `field = ` unless the `=` is already there', () => {
      const [fresh] = at(head('azure', 'confluence') + '  map profile |\n}\n');
      assert.equal(fresh.insertText, 'phone = ');
      const [existing] = at(head('azure', 'confluence') + '  map profile ph| = mobilePhone\n}\n');
      assert.equal(existing.insertText, 'phone');
    });
  });

  describe('attribute paths', () => {
    it("offers the manager's fields after `manager.` (half-typed, above a user line)", () => {
      const entries = at(
        head('azure', 'jira') + '  map property "Manager" = manager.|\n  user "alice@contoso.com"\n}\n',
      );
      const names = entries.map((e) => e.label);
      for (const n of ['mail', 'displayName', 'userPrincipalName', 'jobTitle']) assert.ok(names.includes(n), n);
      assert.ok(!names.includes('manager'), 'no navigation inside the manager');
      const mail = entries.find((e) => e.label === 'mail');
      assert.match(mail?.detail ?? '', /string/);
      assert.match(mail?.documentation ?? '', /manager\.mail|SMTP/);
    });

    it('offers extensionAttribute1..15 after `onPremisesExtensionAttributes.`', () => {
      const names = labels(head('azure', 'jira') + '  map property "Badge" = onPremisesExtensionAttributes.|\n}\n');
      assert.deepEqual([...names].sort(), Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`).sort());
    });

    it('offers the Okta profile attributes after `profile.`', () => {
      const names = labels(head('okta', 'jira') + '  map property "Title" = profile.|\n}\n');
      for (const n of ['login', 'email', 'title', 'employeeNumber', 'costCenter']) assert.ok(names.includes(n), n);
    });

    it('offers the fields of one phone after `phones[type=work].`', () => {
      const names = labels(head('google', 'jira') + '  map property "Phone" = phones[type=work].|\n}\n');
      assert.deepEqual([...names].sort(), ['customType', 'primary', 'type', 'value']);
    });

    it('offers selectors inside `[` after a Google collection, and selector forms with the name', () => {
      assert.deepEqual(labels(head('google', 'jira') + '  map property "T" = organizations[|\n}\n'), [
        'primary=true]',
        'type=work]',
        'type=home]',
        '0]',
      ]);
      const names = labels(head('google', 'jira') + '  map property "P" = pho|\n}\n');
      assert.ok(
        names.includes('phones') && names.includes('phones[type=work]') && names.includes('phones[primary=true]'),
        names.join(),
      );
    });

    it('offers attributes and the functions as snippets where an expression starts', () => {
      const entries = at(head('azure', 'jira') + '  map property "Phone" = |\n}\n');
      const first = entries.find((e) => e.label === 'first');
      assert.equal(first?.insertText, 'first(${1:value}, ${2:fallback})');
      assert.equal(first?.snippet, true);
      assert.equal(entries.find((e) => e.label === 'join')?.insertText, 'join(${1:separator}, ${2:value})');
      assert.equal(entries.find((e) => e.label === 'lower')?.insertText, 'lower(${1:value})');
      assert.ok(entries.some((e) => e.label === 'department' && e.kind === 'attribute'));
    });

    it('offers attributes inside a call after a comma', () => {
      const names = labels(head('azure', 'jira') + '  map property "Phone" = first(mobilePhone, |\n}\n');
      assert.ok(names.includes('businessPhones') && names.includes('first'));
    });

    it('replaces the whole word under the cursor', () => {
      const { doc, offset, text } = marked(head('azure', 'jira') + '  map property "D" = depa|rtment\n}\n');
      const [entry] = complete(doc, offset);
      assert.equal(text.slice(entry.replace.start, entry.replace.end), 'department');
    });

    it('offers nothing for an unknown source type, and live custom attributes when known', () => {
      assert.deepEqual(
        labels('connector c {\n  source ldap { }\n  map property "X" = |\n}\n').filter(
          (l) =>
            ![
              'first',
              'join',
              'lower',
              'upper',
              'trim',
              'replace',
              'strip_domain',
              'guest_email',
              'substring',
            ].includes(l),
        ),
        [],
      );
      const env: CompletionEnvironment = {
        customAttributes: () => [{ path: 'profile.badgeId', type: 'string', description: 'Badge' }],
      };
      const entries = at(head('okta', 'jira') + '  map property "Badge" = profile.|\n}\n', env);
      assert.match(entries.find((e) => e.label === 'badgeId')?.detail ?? '', /custom/);
    });
  });

  describe('schedule', () => {
    it('offers cron presets inside `schedule "…"`, with the schedule in words', () => {
      const entries = at(head('azure', 'jira') + '  schedule "|"\n}\n');
      assert.deepEqual(entries.map((e) => e.detail).slice(0, 5), [
        'hourly',
        'every 6 hours',
        'every 15 minutes',
        'daily 02:00',
        'weekdays 06:00',
      ]);
      assert.equal(entries[1].insertText, '0 */6 * * *');
      assert.match(entries[1].documentation ?? '', /6 hours/);
    });

    it('adds the quotes after a bare `schedule `', () => {
      assert.equal(at(head('azure', 'jira') + '  schedule |\n}\n')[0].insertText, '"0 * * * *"');
    });
  });
});

describe('completion in the YAML form', () => {
  const yaml = (expr: string) =>
    `connectors:\n  c:\n    source:\n      type: azure\n    target:\n      type: jira\n    map:\n      property:\n        X: ${expr}\n`;

  function yamlLabels(expr: string): string[] {
    const { doc, offset } = marked(yaml(expr), 'file:///c.usersync.yaml');
    return complete(doc, offset).map((e) => e.label);
  }

  it('completes attribute paths segment by segment inside expression values', () => {
    assert.deepEqual(
      [...yamlLabels('onPremisesExtensionAttributes.|')].sort(),
      Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`).sort(),
    );
    assert.ok(yamlLabels('lower(manager.|)').includes('mail'));
  });

  it('offers attributes and functions after a comma in a call', () => {
    const names = yamlLabels('first(mobilePhone, |');
    assert.ok(names.includes('businessPhones') && names.includes('join'));
  });

  it('offers nothing outside expressions', () => {
    const { doc, offset } = marked('connectors:\n  c:\n    source:\n      ty|pe: azure\n', 'file:///c.usersync.yaml');
    assert.deepEqual(complete(doc, offset), []);
  });
});

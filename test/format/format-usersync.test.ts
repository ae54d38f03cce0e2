import { strict as assert } from 'assert';
import { formatEdits, formatText } from '../../server/src/format/format-text';

const URI = 'file:///w/contoso.usersync';

/** Formats `before` and expects exactly `after` (both written as lines). */
function formats(before: string[], after: string[]): void {
  const { text, errors } = formatText(before.join('\n'), URI);
  assert.deepEqual(errors, []);
  assert.equal(text, after.join('\n') + '\n');
  assert.equal(formatText(text!, URI).text, text, 'formatting the result again changes nothing');
}

describe('fmt: the .usersync layout', () => {
  it('puts one item per line with two-space indents and aligns settings on = within each block', () => {
    formats(
      [
        'connector okta_wiki {',
        '  source okta { org_url = "https://contoso.okta.com"  token = env("OKTA_API_TOKEN") }',
        '  target confluence { url = "https://wiki.contoso.com"  token = secret("wiki-pat") companion_path="/x" }',
        '  match username = profile.login',
        '}',
      ],
      [
        'connector okta_wiki {',
        '  source okta {',
        '    org_url = "https://contoso.okta.com"',
        '    token   = env("OKTA_API_TOKEN")',
        '  }',
        '  target confluence {',
        '    url            = "https://wiki.contoso.com"',
        '    token          = secret("wiki-pat")',
        '    companion_path = "/x"',
        '  }',
        '',
        '  match username = profile.login',
        '}',
      ],
    );
  });

  it('aligns the map lines on = and writes property keys quoted, profile fields bare', () => {
    formats(
      [
        'connector c { source okta {} target confluence {}',
        'map profile position = profile.title',
        'map property Dept = department',
        'map property "Employee Number"=profile.employeeNumber',
        'map profile "two words" = a',
        '}',
      ],
      [
        'connector c {',
        '  source okta {}',
        '  target confluence {}',
        '',
        '  map profile position           = profile.title',
        '  map profile "two words"        = a',
        '  map property "Dept"            = department',
        '  map property "Employee Number" = profile.employeeNumber',
        '}',
      ],
    );
  });

  it('groups items: blocks / match, schedule and options / maps / users, keeping their order within a kind', () => {
    formats(
      [
        'connector c {',
        '  user "b@x"',
        '  map property "B" = b',
        '  on_empty = clear',
        '  target jira { url = "u" }',
        '  map property "A" = a',
        '  user "a@x"',
        '  schedule "0 * * * *"',
        '  match username = mail',
        '  source azure { tenant = "t" }',
        '}',
      ],
      [
        'connector c {',
        '  target jira {',
        '    url = "u"',
        '  }',
        '  source azure {',
        '    tenant = "t"',
        '  }',
        '',
        '  match username = mail',
        '  schedule "0 * * * *"',
        '  on_empty = clear',
        '',
        '  map property "B" = b',
        '  map property "A" = a',
        '',
        '  user "b@x"',
        '  user "a@x"',
        '}',
      ],
    );
  });

  it('puts a blank line between connectors and writes an empty connector or block as {}', () => {
    formats(
      ['connector a {} connector b { source okta { } }'],
      ['connector a {}', '', 'connector b {', '  source okta {}', '}'],
    );
  });

  it('re-escapes strings: quote, backslash, newline, tab and carriage return', () => {
    formats(
      ['connector c { map property "Say \\"hi\\"" = "a\\\\b\\nc\\td\\re" }'],
      ['connector c {', '  map property "Say \\"hi\\"" = "a\\\\b\\nc\\td\\re"', '}'],
    );
  });

  it('writes paths with indexes and selectors, quoting selector values that are not words', () => {
    formats(
      [
        'connector c { map property "T" = organizations[ primary = true ].title map property "P" = first( phones[type="work phone"].value , x[0] ) }',
      ],
      [
        'connector c {',
        '  map property "T" = organizations[primary=true].title',
        '  map property "P" = first(phones[type="work phone"].value, x[0])',
        '}',
      ],
    );
  });

  it('keeps comments: leading above the item, trailing at the line end, dangling before the closing brace', () => {
    formats(
      [
        '# header',
        'connector a {   # about a',
        '  source azure {',
        '    tenant = "t"   # the tenant',
        '    # dangling in the block',
        '  }  # after the block',
        '      # about the map',
        '  map property "A" = a',
        '  # dangling in the connector',
        '}',
        '# the end',
      ],
      [
        '# header',
        'connector a {',
        '  # about a',
        '  source azure {',
        '    tenant = "t" # the tenant',
        '    # dangling in the block',
        '  } # after the block',
        '',
        '  # about the map',
        '  map property "A" = a',
        '  # dangling in the connector',
        '}',
        '',
        '# the end',
      ],
    );
  });

  it('moves a comment with its item when the item is regrouped', () => {
    formats(
      ['connector a {', '  map property "A" = a # why A', '  # about the source', '  source okta {}', '}'],
      ['connector a {', '  # about the source', '  source okta {}', '', '  map property "A" = a # why A', '}'],
    );
  });

  it('formats an empty file to an empty file and a file of comments to those comments', () => {
    assert.deepEqual(formatText('', URI), { text: '', errors: [] });
    assert.deepEqual(formatText('\n\n  \n', URI), { text: '', errors: [] });
    formats(['   # one', '#two   '], ['# one', '#two']);
  });

  it('keeps CRLF line endings when the file uses them', () => {
    const { text } = formatText('connector a {\r\n  match username = mail }\r\n', URI);
    assert.equal(text, 'connector a {\r\n  match username = mail\r\n}\r\n');
  });

  it('refuses a file with syntax errors and returns them instead', () => {
    const { text, errors } = formatText('connector a {\n  map property "A" = \n}\n', URI);
    assert.equal(text, undefined);
    assert.ok(errors.length > 0);
    assert.equal(errors[0].code, 'syntax-error');
  });
});

describe('fmt: edits for the language server', () => {
  it('returns no edit for a formatted document', () => {
    assert.deepEqual(formatEdits('connector a {}\n', URI), { edits: [], errors: [] });
  });

  it('replaces only the part that changes', () => {
    const before = 'connector a {\n  source okta {}\n  match username   =   mail\n}\n';
    const { edits } = formatEdits(before, URI);
    assert.equal(edits.length, 1);
    const [edit] = edits;
    assert.equal(
      before.slice(0, edit.span.start) + edit.newText + before.slice(edit.span.end),
      formatText(before, URI).text,
    );
    assert.ok(edit.span.start >= before.indexOf('{}') + 2, 'the unchanged head is not replaced');
    assert.ok(edit.span.end <= before.lastIndexOf('}'), 'the unchanged tail is not replaced');
  });

  it('returns the syntax errors and no edit for a broken document', () => {
    const { edits, errors } = formatEdits('connector a { source }', URI);
    assert.deepEqual(edits, []);
    assert.ok(errors.length > 0);
  });
});

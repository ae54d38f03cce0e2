import { strict as assert } from 'assert';
import { inlayHints } from '../../server/src/features/inlay-hints';
import { documentLinks } from '../../server/src/features/links';
import { semanticTokens } from '../../server/src/features/semantic-tokens';
import { head, parsed } from './marked';

describe('semantic tokens', () => {
  const text =
    head('azure', 'jira') +
    '  # note\n  map property "Phone" = first(mobilePhone, businessPhones[0])\n  on_empty = keep\n}\n';
  const tokens = semanticTokens(parsed(text)).map((t) => [text.slice(t.span.start, t.span.end), t.type]);
  const typeOf = (word: string) => tokens.find(([w]) => w === word)?.[1];

  it('classifies keywords, types, settings, attribute paths, functions, strings, numbers and comments', () => {
    assert.equal(typeOf('connector'), 'keyword');
    assert.equal(typeOf('source'), 'keyword');
    assert.equal(typeOf('azure'), 'type');
    assert.equal(typeOf('tenant'), 'property');
    assert.equal(typeOf('first'), 'function');
    assert.equal(typeOf('mobilePhone'), 'variable');
    assert.equal(typeOf('"Phone"'), 'string');
    assert.equal(typeOf('0'), 'number');
    assert.equal(typeOf('# note'), 'comment');
    assert.equal(typeOf('keep'), 'enumMember');
    assert.equal(typeOf('c'), 'namespace');
  });

  it('yields tokens in order that never overlap', () => {
    const spans = semanticTokens(parsed(text)).map((t) => t.span);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end, JSON.stringify(spans[i]));
  });

  it('reads the YAML form from the model', () => {
    const yaml = 'connectors:\n  c:\n    source:\n      type: okta\n    match:\n      username: lower(profile.login)\n';
    const found = semanticTokens(parsed(yaml, 'file:///c.usersync.yaml')).map((t) => [
      yaml.slice(t.span.start, t.span.end),
      t.type,
    ]);
    assert.ok(
      found.some(([w, t]) => w === 'lower' && t === 'function'),
      JSON.stringify(found),
    );
    assert.ok(
      found.some(([w, t]) => w === 'login' && t === 'variable'),
      JSON.stringify(found),
    );
  });
});

describe('document links', () => {
  it('links literal URL settings, without the quotes', () => {
    const text = head('okta', 'jira') + '}\n';
    const links = documentLinks(parsed(text));
    assert.deepEqual(
      links.map((l) => [text.slice(l.span.start, l.span.end), l.target]),
      [
        ['https://contoso.okta.com', 'https://contoso.okta.com'],
        ['https://jira.contoso.com', 'https://jira.contoso.com'],
      ],
    );
  });

  it('does not link references or non-URL settings', () => {
    assert.deepEqual(
      documentLinks(parsed('connector c {\n  target jira { url = env("JIRA_URL")  companion_path = "/x" }\n}\n')),
      [],
    );
  });
});

describe('inlay hints', () => {
  it('tells what a schedule means right after its string', () => {
    const text = head('azure', 'jira') + '  schedule "0 2 * * 1-5"\n}\n';
    const [hint] = inlayHints(parsed(text));
    assert.equal(hint.offset, text.indexOf('"0 2 * * 1-5"') + '"0 2 * * 1-5"'.length);
    assert.match(hint.label, /^ at 02:00, monday through friday$/i);
  });

  it('says nothing for an invalid schedule or outside the asked range', () => {
    assert.deepEqual(inlayHints(parsed(head('azure', 'jira') + '  schedule "nope"\n}\n')), []);
    const text = head('azure', 'jira') + '  schedule "0 2 * * *"\n}\n';
    assert.deepEqual(inlayHints(parsed(text), { start: text.length + 10, end: text.length + 20 }), []);
  });
});

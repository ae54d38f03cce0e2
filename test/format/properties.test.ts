import { strict as assert } from 'assert';
import fc from 'fast-check';
import { formatText } from '../../server/src/format/format-text';
import { formatUsersync } from '../../server/src/format/format-usersync';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';
import { convert } from '../../server/src/yaml/convert';
import { parseYaml } from '../../server/src/yaml/parse-yaml';
import { printYaml } from '../../server/src/yaml/print-yaml';
import { editedText } from '../helpers/edited-text';
import { documentModel } from './model-arbitrary';
import { shape } from './model-shape';

const USERSYNC = 'file:///p.usersync';
const YAML = 'file:///p.usersync.yaml';

const VALID = `# header
connector contoso_jira {
  source azure {
    tenant        = "contoso.onmicrosoft.com"
    client_secret = env("AZURE_CLIENT_SECRET") # from the vault
  }
  target jira { url = "https://jira.contoso.com"  token = secret("jira-pat") }
  match username = lower(userPrincipalName)
  schedule "0 */6 * * *"
  map property "Phone" = first(mobilePhone, businessPhones[0])
  map profile position = organizations[primary=true].title
  user "alice@contoso.com"
}
`;

describe('parser and formatter properties', () => {
  it('parseUsersync never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(...'connector source map = { } ( ) [ ] . , " # \\ a 1 \n'.split(' ')) }),
        ),
        (text) => {
          parseUsersync(text, USERSYNC);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseUsersync and formatText never throw on a valid document cut at any offset', () => {
    for (let i = 0; i <= VALID.length; i++) {
      const cut = VALID.slice(0, i);
      parseUsersync(cut, USERSYNC);
      const { text, errors } = formatText(cut, USERSYNC);
      assert.ok(text !== undefined || errors.length > 0);
    }
  });

  it('parseUsersync never throws on a valid document with characters inserted or deleted', () => {
    fc.assert(
      fc.property(editedText(VALID, fc.string({ maxLength: 3 }), { maxCut: 3, maxEdits: 4 }), (text) => {
        parseUsersync(text, USERSYNC);
        formatText(text, USERSYNC);
      }),
      { numRuns: 300 },
    );
  });

  it('prints any well-formed model as text that reads back as the same model, comments attached as before', () => {
    fc.assert(
      fc.property(documentModel, (model) => {
        const printed = formatUsersync(model);
        const { document, errors } = parseUsersync(printed, USERSYNC);
        assert.deepEqual(errors, [], printed);
        assert.deepEqual(shape(document), shape(model), printed);
      }),
      { numRuns: 300 },
    );
  });

  it('fmt is idempotent and keeps the model', () => {
    fc.assert(
      fc.property(documentModel, (model) => {
        const source = formatUsersync(model);
        const once = formatText(source, USERSYNC).text!;
        assert.equal(formatText(once, USERSYNC).text, once);
        assert.deepEqual(
          shape(parseUsersync(once, USERSYNC).document),
          shape(parseUsersync(source, USERSYNC).document),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('prints any well-formed model as YAML that reads back as the same model, comments attached as before', () => {
    fc.assert(
      fc.property(documentModel, (model) => {
        const yaml = printYaml(model);
        const { document, errors } = parseYaml(yaml, YAML);
        assert.deepEqual(errors, [], yaml);
        assert.deepEqual(shape(document), shape(model), yaml);
      }),
      { numRuns: 300 },
    );
  });

  it('convert round-trips usersync → yaml → usersync to the same model, comments attached as before', () => {
    fc.assert(
      fc.property(documentModel, (model) => {
        const source = formatUsersync(model);
        const yaml = convert(source, USERSYNC, 'yaml');
        assert.deepEqual(yaml.errors, []);
        const back = convert(yaml.text!, YAML, 'usersync');
        assert.deepEqual(back.errors, [], yaml.text);
        const before = parseUsersync(source, USERSYNC).document;
        const after = parseUsersync(back.text!, USERSYNC).document;
        assert.deepEqual(shape(after), shape(before));
      }),
      { numRuns: 200 },
    );
  });

  it('convert round-trips yaml → usersync → yaml to the same model, and YAML fmt is idempotent', () => {
    fc.assert(
      fc.property(documentModel, (model) => {
        const yaml = printYaml(model);
        assert.equal(formatText(yaml, YAML).text, yaml, 'printYaml output is already formatted');
        const source = convert(yaml, YAML, 'usersync');
        assert.deepEqual(source.errors, []);
        const back = convert(source.text!, USERSYNC, 'yaml');
        assert.deepEqual(back.errors, []);
        assert.deepEqual(shape(parseYaml(back.text!, YAML).document), shape(parseYaml(yaml, YAML).document));
      }),
      { numRuns: 200 },
    );
  });
});

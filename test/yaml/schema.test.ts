import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';
import { BLOCK_SPECS, CONNECTOR_OPTIONS } from '../../server/src/model/settings';
import { buildJsonSchema } from '../../server/src/yaml/json-schema';

const SCHEMA_FILE = path.join(__dirname, '../../schemas/usersync.schema.json');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Json;

let documents = 0;

/** Problems yaml-language-server (the engine of Red Hat's YAML extension) finds with our schema. */
async function validate(text: string): Promise<string[]> {
  // the service caches parsed documents by uri and version: every text gets its own uri
  const service = getLanguageService({
    schemaRequestService: () => Promise.resolve(JSON.stringify(schema)),
    workspaceContext: { resolveRelativePath: (p: string) => p },
  } as unknown as Parameters<typeof getLanguageService>[0]);
  service.configure({
    validate: true,
    schemas: [{ uri: 'file:///usersync.schema.json', fileMatch: ['*.usersync.yaml'], schema }],
  });
  const doc = TextDocument.create(`file:///w/doc${++documents}.usersync.yaml`, 'yaml', 1, text);
  return (await service.doValidation(doc, false)).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

const VALID = `connectors:
  contoso_jira:
    source:
      type: azure
      tenant: contoso.onmicrosoft.com
      client_id: 5d2a0e7c-1b9f-4c1e-9a57-3f0c2b7d9e11
      client_secret: { env: AZURE_CLIENT_SECRET }
    target:
      type: jira
      url: https://jira.contoso.com
      token: { secret: jira-pat }
      store: entity
    match:
      username: lower(userPrincipalName)
    schedule: "0 */6 * * *"
    on_empty: keep
    map:
      property:
        Department: department
    users:
      - alice@contoso.com
  okta_wiki:
    source: { type: okta, org_url: https://contoso.okta.com, token: { env: OKTA_API_TOKEN } }
    target: { type: confluence, url: https://wiki.contoso.com, token: { secret: wiki-pat } }
    match: { username: profile.login }
    map:
      profile:
        position: profile.title
`;

describe('YAML form: JSON schema', () => {
  it('is the schema built from the setting specs (regenerate schemas/usersync.schema.json when they change)', () => {
    assert.deepEqual(schema, buildJsonSchema(), 'regenerate: npm run generate');
  });

  it('describes every setting of every source and target, and every connector option', () => {
    const connector = schema.definitions.connector as Json;
    for (const spec of BLOCK_SPECS) {
      const rule = (connector.properties[spec.role].allOf as Json[]).find(
        (r) => r.if.properties.type.const === spec.type,
      )!;
      for (const setting of spec.settings) {
        assert.ok(rule.then.properties[setting.name]?.description, `${spec.role} ${spec.type}: ${setting.name}`);
      }
    }
    for (const option of CONNECTOR_OPTIONS) assert.ok(connector.properties[option.name].description, option.name);
  });

  it('accepts a valid document in yaml-language-server', async () => {
    assert.deepEqual(await validate(VALID), []);
  });

  it('flags an unknown type, a setting of another block, a bad enum value and an unknown profile field', async () => {
    const problems = await validate(
      [
        'connectors:',
        '  c:',
        '    source: { type: azure, tenant: t, client_secret: { env: S }, org_url: https://x }',
        '    target: { type: bitbucket }',
        '    on_empty: sometimes',
        '    map: { profile: { shoe_size: x } }',
      ].join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('3:') && /org_url/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('4:') && /jira/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('5:') && /keep/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('6:') && /shoe_size/.test(p)),
      problems.join('\n'),
    );
  });
});

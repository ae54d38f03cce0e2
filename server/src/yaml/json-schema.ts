import { VALUE_REFERENCE_DOCS } from '../model/functions/references';
import { CONFLUENCE_PROFILE_FIELDS } from '../model/model';
import {
  allowedReferences,
  CONNECTOR_OPTIONS,
  SOURCE_SPECS,
  TARGET_SPECS,
  type BlockSpec,
  type SettingSpec,
} from '../model/settings';
import { EXPR_KEY, TYPE_KEY } from './value-keys';

/**
 * The JSON Schema (draft-07) of the YAML form, built from the setting specs that the checks,
 * completion and hover read, so the editor's YAML support and usersync agree.
 * schemas/usersync.schema.json is this object; test/yaml/schema.test.ts keeps the two equal.
 */
type Schema = Record<string, unknown>;

const EXPRESSION_DOC =
  'A usersync expression: an attribute path (`department`, `manager.mail`, `phones[type=work].value`), ' +
  'a constant in double quotes (`\'"Contoso Ltd."\'`) or a function call (`lower(mail)`, `first(mobilePhone, businessPhones[0])`).';

/** Descriptions in YAML terms: the specs write references the `.usersync` way, `env("…")`. */
function described(doc: string, schema: Schema): Schema {
  const yamlDoc = doc.replace(/`(env|secret|file)\("(…|[^"]*)"\)`/g, '`{ $1: $2 }`');
  return { description: yamlDoc.replace(/`/g, ''), markdownDescription: yamlDoc, ...schema };
}

function referenceSchema(name: string): Schema {
  const doc =
    name === EXPR_KEY
      ? `Any other expression, written as in .usersync. ${EXPRESSION_DOC}`
      : VALUE_REFERENCE_DOCS[name as 'env'].doc.split('\n\n')[0].replace(/\n/g, ' ');
  return {
    type: 'object',
    properties: { [name]: described(doc, { type: 'string' }) },
    required: [name],
    additionalProperties: false,
  };
}

/** `"my_customer"` (as .usersync writes a default) → `my_customer`. */
function unquoted(value: string): string {
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

function settingSchema(spec: SettingSpec): Schema {
  const refs = [
    ...allowedReferences(spec).map((r) => ({ $ref: `#/definitions/${r}` })),
    { $ref: `#/definitions/${EXPR_KEY}` },
  ];
  let schema: Schema;
  if (spec.kind === 'enum') schema = { enum: [...(spec.values ?? [])] };
  else if (spec.kind === 'file') schema = { anyOf: refs };
  else schema = { anyOf: [{ type: 'string', ...(spec.kind === 'url' ? { pattern: '^https?://' } : {}) }, ...refs] };
  if (spec.default !== undefined) schema.default = unquoted(spec.default);
  return described(spec.doc, schema);
}

function blockSchema(role: 'source' | 'target', specs: readonly BlockSpec[], doc: string): Schema {
  return described(doc, {
    type: 'object',
    required: [TYPE_KEY],
    properties: {
      [TYPE_KEY]: described(`The kind of ${role}: ${specs.map((s) => `\`${s.type}\` (${s.title})`).join(', ')}.`, {
        enum: specs.map((s) => s.type),
        enumDescriptions: specs.map((s) => s.doc.replace(/`/g, '')),
        markdownEnumDescriptions: specs.map((s) => s.doc),
      }),
    },
    allOf: specs.map((spec) => ({
      if: { properties: { [TYPE_KEY]: { const: spec.type } }, required: [TYPE_KEY] },
      then: {
        properties: { [TYPE_KEY]: true, ...Object.fromEntries(spec.settings.map((s) => [s.name, settingSchema(s)])) },
        additionalProperties: false,
        required: spec.settings.filter((s) => s.required).map((s) => s.name),
        ...oneOfRules(spec),
      },
    })),
  });
}

/** Required alternatives (`client_secret` or `certificate`) as an anyOf of required lists. */
function oneOfRules(spec: BlockSpec): Schema {
  const required = spec.oneOf.filter((g) => g.required);
  if (required.length === 0) return {};
  return { allOf: required.map((g) => ({ anyOf: g.alternatives.map((alt) => ({ required: [...alt] })) })) };
}

const expression = { $ref: '#/definitions/expression' };

export function buildJsonSchema(): Schema {
  const sources = Object.values(SOURCE_SPECS);
  const targets = Object.values(TARGET_SPECS);
  const connector = described(
    'One connector: where users come from, where their profile data goes, and how attributes map.',
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        source: blockSchema('source', sources, 'The identity provider to read users from.'),
        target: blockSchema('target', targets, 'The Atlassian Data Center product to write to.'),
        match: described('How an identity-provider user finds its Jira/Confluence account.', {
          type: 'object',
          additionalProperties: false,
          properties: {
            username: described(`The Jira/Confluence username of each user. ${EXPRESSION_DOC}`, { type: 'string' }),
          },
        }),
        schedule: described(
          'When the daemon runs this connector: a 5- or 6-field cron expression, e.g. `"0 */6 * * *"`.',
          { type: 'string' },
        ),
        ...Object.fromEntries(CONNECTOR_OPTIONS.map((o) => [o.name, settingSchema(o)])),
        map: described(
          'What to write: `property` keys (Jira and Confluence user properties) and `profile` fields (Confluence).',
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              property: described(
                'User properties: key → expression. Jira keys hold letters, digits and spaces (at most 200).',
                {
                  type: 'object',
                  additionalProperties: expression,
                },
              ),
              profile: described(
                `Confluence profile fields (${CONFLUENCE_PROFILE_FIELDS.join(', ')}): field → expression. Values are cut at 255 characters.`,
                {
                  type: 'object',
                  properties: Object.fromEntries(
                    CONFLUENCE_PROFILE_FIELDS.map((f) => [
                      f,
                      described(`The Confluence profile field \`${f}\`. ${EXPRESSION_DOC}`, { type: 'string' }),
                    ]),
                  ),
                  additionalProperties: false,
                },
              ),
            },
          },
        ),
        users: described(
          'Pin the connector to these identity-provider logins (for trials); without it every user is synced.',
          {
            type: 'array',
            items: { type: 'string' },
          },
        ),
      },
    },
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'usersync',
    description:
      'usersync connectors in YAML form (*.usersync.yaml): profile sync from Entra ID, Okta and Google into Jira and Confluence Data Center.',
    type: 'object',
    additionalProperties: false,
    properties: {
      connectors: described('The connectors, by name (letters, digits and _).', {
        type: 'object',
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        additionalProperties: { $ref: '#/definitions/connector' },
      }),
    },
    definitions: {
      connector,
      expression: described(EXPRESSION_DOC, { type: 'string' }),
      env: referenceSchema('env'),
      secret: referenceSchema('secret'),
      file: referenceSchema('file'),
      [EXPR_KEY]: referenceSchema(EXPR_KEY),
    },
  };
}

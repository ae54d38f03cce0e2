/**
 * Value references: `env("NAME")`, `secret("name")`, `file("path")`. They look like calls but are not
 * expression functions: they stand for setting values (tokens, keys) resolved when a connector runs,
 * and never appear in mappings. Checks, completion and hover for settings read this.
 */

export const VALUE_REFERENCES = ['env', 'secret', 'file'] as const;
export type ValueReference = (typeof VALUE_REFERENCES)[number];

export interface ValueReferenceDoc {
  name: ValueReference;
  signature: string;
  /** Markdown: one paragraph and an example. */
  doc: string;
}

export const VALUE_REFERENCE_DOCS: Readonly<Record<ValueReference, ValueReferenceDoc>> = {
  env: {
    name: 'env',
    signature: 'env("NAME")',
    doc: [
      'The value of an environment variable of the process that runs the sync, read when the connector',
      'runs. The value is a secret: it is never printed, logged or journaled.',
      '',
      '```',
      'client_secret = env("AZURE_CLIENT_SECRET")',
      '```',
    ].join('\n'),
  },
  secret: {
    name: 'secret',
    signature: 'secret("name")',
    doc: [
      "A secret stored by name: in VS Code, the editor's secret storage (UserSync: Store secret); elsewhere the",
      'environment variable `USERSYNC_SECRET_<NAME>` (`jira-pat` → `USERSYNC_SECRET_JIRA_PAT`). Read when the',
      'connector runs; never printed, logged or journaled.',
      '',
      '```',
      'token = secret("jira-pat")',
      '```',
    ].join('\n'),
  },
  file: {
    name: 'file',
    signature: 'file("path")',
    doc: [
      'The contents of a file, read when the connector runs; a relative path is read from the folder of',
      'the configuration file. Used for keys and certificates.',
      '',
      '```',
      'service_account_key = file("keys/usersync-sa.json")',
      '```',
    ].join('\n'),
  },
};

export function isValueReference(name: string): name is ValueReference {
  return (VALUE_REFERENCES as readonly string[]).includes(name);
}

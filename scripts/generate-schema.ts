// Writes schemas/usersync.schema.json (the JSON Schema of the YAML form) from the setting specs in
// server/src/model/settings, formatted with prettier. `--check` exits 1 when the committed file differs; CI runs it.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { format } from 'prettier';
import { buildJsonSchema } from '../server/src/yaml/json-schema';

async function main(): Promise<number> {
  const file = join(__dirname, '..', 'schemas', 'usersync.schema.json');
  const text = await format(JSON.stringify(buildJsonSchema(), null, 2), { parser: 'json', printWidth: 120 });
  const current = readFileSync(file, 'utf8');
  if (process.argv.includes('--check')) {
    if (current === text) return 0;
    process.stderr.write('schemas/usersync.schema.json is out of date: run `npm run generate`\n');
    return 1;
  }
  writeFileSync(file, text);
  return 0;
}

main().then((code) => process.exit(code));

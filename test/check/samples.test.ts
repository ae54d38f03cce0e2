import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkDocument } from '../../server/src/check';
import type { ParseResult } from '../../server/src/model/model';
import { parseUsersync } from '../../server/src/syntax/parse-usersync';

/**
 * Every file in samples/: a sample whose name contains "broken" must give at least one error,
 * every other sample none (warnings and hints are fine).
 */
const SAMPLES = path.join(__dirname, '../../samples');
const files = fs.existsSync(SAMPLES)
  ? fs
      .readdirSync(SAMPLES)
      .filter((f) => /\.usersync(\.ya?ml)?$/.test(f))
      .sort()
  : [];

function parse(file: string, text: string): ParseResult {
  const uri = `file://${path.join(SAMPLES, file)}`;
  if (file.endsWith('.usersync')) return parseUsersync(text, uri);
  // the YAML form through the common entry, loaded only when a YAML sample exists
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseDocument } = require('../../server/src/parse') as typeof import('../../server/src/parse');
  return parseDocument(text, uri);
}

describe('checks: samples/', () => {
  if (files.length === 0) it('has no samples to check yet');
  for (const file of files) {
    const broken = file.includes('broken');
    it(`${file} ${broken ? 'has errors' : 'has no errors'}`, () => {
      const text = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
      const { document, errors } = parse(file, text);
      const found = checkDocument(document, errors).filter((d) => d.severity === 'error');
      if (broken) assert.ok(found.length > 0, `${file} is named broken but gives no error`);
      else
        assert.deepEqual(
          found.map((d) => `${d.code}: ${d.message} @${d.span.start}`),
          [],
        );
    });
  }
});

/**
 * Generates the attribute catalogs the language core ships:
 *   server/src/model/catalogs/generated/{azure,okta,google}.json
 *
 * Reads (never edit the outputs by hand; rerun this script instead):
 *   <reference>/idp/graph-user.json, okta-user.json, google-user.json  flattened vendor specs, one row per path
 *   <reference>/samples/graph-list-users-default.json                  what GET /users returns without $select
 * where <reference> is `<repo>/../shared/reference`, or $USERSYNC_REFERENCE_DIR (the reference folder itself,
 * or its idp/ folder).
 *
 * Usage: npx tsx scripts/generate-catalogs.ts [--check]
 * CI runs `--check`: it exits 1 when the committed output differs from what this script would write.
 *
 * The work happens in server/src/model/catalogs/generate.ts (mechanical: rows are normalized, never typed
 * by hand; maxLength is read from description text where the JSON lacks it, api-facts.md §1).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  differingFiles,
  generateCatalogs,
  OUTPUT_DIR,
  REPO_ROOT,
  referenceDir,
} from '../server/src/model/catalogs/generate';

function main(argv: string[]): number {
  const reference = referenceDir();
  let expected: Map<string, string>;
  try {
    expected = generateCatalogs(reference);
  } catch (e) {
    console.error(`generate-catalogs: cannot read the reference data in ${reference}: ${(e as Error).message}`);
    return 2;
  }
  if (argv.includes('--check')) {
    const stale = differingFiles(expected);
    if (stale.length === 0) {
      console.log('generate-catalogs: catalogs are up to date.');
      return 0;
    }
    console.error(`generate-catalogs: out of date: ${stale.join(', ')}`);
    console.error('Run `npx tsx scripts/generate-catalogs.ts` and commit the result.');
    return 1;
  }
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [name, text] of expected) fs.writeFileSync(path.join(OUTPUT_DIR, name), text);
  console.log(`generate-catalogs: wrote ${[...expected.keys()].join(', ')} to ${path.relative(REPO_ROOT, OUTPUT_DIR)}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

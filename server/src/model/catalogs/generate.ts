/**
 * Builds the attribute catalogs from the reference data (vendor specs flattened to one row per path).
 * The CLI is scripts/generate-catalogs.ts; CI runs it with `--check`. Everything here is mechanical:
 * rows are normalized, never typed by hand; maxLength is read from the description text where the
 * JSON lacks it (api-facts.md §1 "Limits from descriptions").
 * Build tooling: nothing at run time imports this file.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {
  byPathOrder,
  customPatterns,
  isPattern,
  normalizeRow,
  type CatalogFile,
  type Idp,
  type ReferenceRow,
} from './generate-rows';

const SOURCES: Record<Idp, string> = { azure: 'graph-user.json', okta: 'okta-user.json', google: 'google-user.json' };
const GRAPH_DEFAULT_SAMPLE = 'graph-list-users-default.json';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'server', 'src', 'model', 'catalogs', 'generated');

/** The reference folder (holding idp/ and samples/). */
export function referenceDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.USERSYNC_REFERENCE_DIR;
  if (!configured) return path.resolve(REPO_ROOT, '..', 'shared', 'reference');
  const dir = path.resolve(configured);
  return fs.existsSync(path.join(dir, SOURCES.azure)) ? path.dirname(dir) : dir;
}

/** Generates the three catalog files' text, keyed by output file name. Throws on unreadable input. */
export function generateCatalogs(reference: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const idp of Object.keys(SOURCES) as Idp[]) {
    const file = buildCatalog(idp, reference);
    out.set(`${idp}.json`, JSON.stringify(file, null, 1) + '\n');
  }
  return out;
}

function buildCatalog(idp: Idp, reference: string): CatalogFile {
  const sourceFile = path.join(reference, 'idp', SOURCES[idp]);
  const sourceText = fs.readFileSync(sourceFile, 'utf8');
  const rows = JSON.parse(sourceText) as ReferenceRow[];
  const generatedFrom = [{ file: `idp/${SOURCES[idp]}`, sha256: sha256(sourceText) }];
  let defaults: Set<string> | undefined;
  if (idp === 'azure') {
    const sampleText = fs.readFileSync(path.join(reference, 'samples', GRAPH_DEFAULT_SAMPLE), 'utf8');
    generatedFrom.push({ file: `samples/${GRAPH_DEFAULT_SAMPLE}`, sha256: sha256(sampleText) });
    defaults = defaultGraphProperties(JSON.parse(sampleText));
  }
  const fixed = rows.filter((r) => !isPattern(r.path));
  const byPath = new Map(fixed.map((r) => [r.path, r]));
  const attributes = fixed.map((r) => normalizeRow(r, byPath, fixed, defaults)).sort(byPathOrder);
  return {
    idp,
    generatedBy: 'scripts/generate-catalogs.ts',
    generatedFrom,
    attributes,
    customAttributes: customPatterns(rows),
  };
}

/** Keys of the users in GET /users without $select: the properties Graph returns by default (api-facts.md §1). */
function defaultGraphProperties(sample: { value?: Record<string, unknown>[] }): Set<string> {
  const keys = new Set<string>();
  for (const user of sample.value ?? []) for (const k of Object.keys(user)) if (!k.includes('@')) keys.add(k);
  return keys;
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Files whose committed text differs from `expected` (missing files count). */
export function differingFiles(expected: Map<string, string>, dir = OUTPUT_DIR): string[] {
  const stale: string[] = [];
  for (const [name, text] of expected) {
    const file = path.join(dir, name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current !== text) stale.push(path.relative(REPO_ROOT, file));
  }
  return stale;
}

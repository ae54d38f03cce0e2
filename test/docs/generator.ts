import * as path from 'path';

/**
 * scripts/generate-docs.ts, loaded at run time: the test project compiles only test/ (and the server
 * project it references), so a static import of a script would not type-check. The shape below is the
 * script's exported API; a change there fails these tests when they run.
 */

export interface DocFile {
  path: string;
  required: readonly string[];
}

export interface DocStatus {
  file: string;
  expected?: string;
  stale: boolean;
  problems: string[];
}

export interface FillResult {
  text: string;
  regions: string[];
  problems: string[];
}

export interface GenerateDocs {
  REPO_ROOT: string;
  DOC_FILES: readonly DocFile[];
  docStatus(doc: DocFile, root?: string): DocStatus;
  fillRegions(text: string, render?: (name: string) => string | undefined): FillResult;
  renderRegion(name: string): string | undefined;
  main(argv: string[], options?: { root?: string; log?: (line: string) => void }): number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const generator = require(path.join(__dirname, '../../scripts/generate-docs.ts')) as GenerateDocs;

export function docFile(rel: string): DocFile {
  const doc = generator.DOC_FILES.find((d) => d.path === rel);
  if (!doc) throw new Error(`scripts/generate-docs.ts does not keep ${rel}`);
  return doc;
}

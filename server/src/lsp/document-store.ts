import * as path from 'path';
import { fileURLToPath } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument } from '../check';
import type { Checker } from '../features/analysis/chunk';
import { DocumentAnalysis } from '../features/analysis/document-analysis';
import type { LiveSchemaService } from '../features/live-schema/live-schema';

interface Entry {
  analysis: DocumentAnalysis;
  checker: Checker;
  configDir: string;
}

/**
 * The analysis of each open document, brought up to date lazily: the first request after an edit
 * reuses every chunk the edit did not touch (parse and checks run once per chunk text).
 */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly live: LiveSchemaService) {}

  analysis(doc: TextDocument): DocumentAnalysis {
    return this.entry(doc).analysis;
  }

  /** The checker of a document: stable per document, so chunk results stay cached between versions. */
  checker(doc: TextDocument): Checker {
    return this.entry(doc).checker;
  }

  /** The folder relative file(...) paths start from. */
  configDir(uri: string): string {
    return this.entries.get(uri)?.configDir ?? configDirOf(uri);
  }

  close(uri: string): void {
    this.entries.delete(uri);
  }

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    if (!e) {
      const configDir = configDirOf(doc.uri);
      const live = this.live;
      const checker: Checker = (d, errors) =>
        checkDocument(d, errors, live.active ? { customAttributes: (c) => live.customPaths(c, configDir) } : {});
      e = { analysis: DocumentAnalysis.open(doc.uri, doc.getText(), doc.version), checker, configDir };
      this.entries.set(doc.uri, e);
    } else if (e.analysis.version !== doc.version) {
      e.analysis = e.analysis.next(doc.getText(), doc.version);
    }
    return e;
  }
}

export function configDirOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : process.cwd();
  } catch {
    return process.cwd();
  }
}

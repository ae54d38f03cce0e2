import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sharedTargetKeysAcrossFiles } from '../check/shared-targets-across-files';
import type { DocumentAnalysis } from '../features/analysis/document-analysis';
import type { ServerContext } from './context';
import { toLspDiagnostic } from './convert';

/**
 * Findings of an open document against the workspace's other usersync files as saved: the keys one of its
 * connectors writes to a target that a connector of another file writes too. Nothing to do (and no walk over
 * the document) while no other file writes anything.
 */
export function workspaceFindings(ctx: ServerContext, doc: TextDocument, analysis: DocumentAnalysis): LspDiagnostic[] {
  const others = ctx.keyWrites.others(doc.uri);
  if (others.length === 0) return [];
  const placed = analysis
    .pieces()
    .flatMap((p) => p.document.connectors.map((connector) => ({ connector, base: p.base })));
  const files = others.map((o) => ({ label: labelOf(doc.uri, o.uri), writes: o.writes }));
  return sharedTargetKeysAcrossFiles(placed, files).map((d) =>
    toLspDiagnostic(doc, doc.uri, d, ctx.client.relatedInformation, 0),
  );
}

/** The other file as a path from the document's folder (its name when either is not a file). */
function labelOf(from: string, to: string): string {
  try {
    return path.relative(path.dirname(fileURLToPath(from)), fileURLToPath(to));
  } catch {
    return to.split('/').pop() ?? to;
  }
}

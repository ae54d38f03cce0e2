import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';

/**
 * The open documents, with edits applied one at a time and their ranges clamped to the document:
 * TextDocument.update (vscode-languageserver-textdocument 1.0.16) leaves a hole in its line table for
 * a range that starts past the last line, and every later edit then lands in the wrong place. Clients
 * clamp such ranges to the end of the document; so does this.
 */
export function createTextDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      for (const change of changes) TextDocument.update(document, [clampChange(document, change)], version);
      return TextDocument.update(document, [], version);
    },
  });
}

function clampChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change)) return change;
  const clamp = (p: Position): Position => document.positionAt(document.offsetAt(p));
  const start = clamp(change.range.start);
  const end = clamp(change.range.end);
  return { text: change.text, range: { start, end } };
}

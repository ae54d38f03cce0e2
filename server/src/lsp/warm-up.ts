import { TextDocument } from 'vscode-languageserver-textdocument';
import { WARM_UP_COPIES, warmUp, warmUpDocumentText } from '../features/warm-up';

/**
 * The warm-up of the language core (features/warm-up.ts), then the LSP layer's own share of an open:
 * the line table of a document of some size (computeLineOffsets, a loop over every character, took
 * 14 ms on the first 12,000-line open when it had never run) and positions in it.
 */
export function warmUpServer(): void {
  const text = warmUpDocumentText(WARM_UP_COPIES);
  warmUp(text);
  for (let round = 0; round < 3; round++) {
    const doc = TextDocument.create('file:///warm-up.usersync', 'usersync', round, text);
    for (let at = 0; at < text.length; at += 101) doc.offsetAt(doc.positionAt(at));
  }
}

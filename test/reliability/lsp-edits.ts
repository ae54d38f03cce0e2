import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { PIECES } from './language-mutations';

/**
 * The client side of the protocol fuzz: a seedable generator, random incremental changes, the client's
 * model of the text (positions as the protocol defines them) and the check that a range lies inside it.
 */

/** mulberry32: small, seedable, good enough to pick edits. */
export function rng(seed: number): { int: (n: number) => number; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), chance: (p) => next() < p };
}

export type Rng = ReturnType<typeof rng>;

/** True when both ends are real positions of the text (a character at most the line's length) in order. */
export function rangeInside(doc: TextDocument, range: Range): boolean {
  const ok = (p: Position) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
    if (p.line >= doc.lineCount) return false;
    const lineText = doc
      .getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } })
      .replace(/\r?\n$|\r$/, '');
    return p.character <= lineText.length;
  };
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

/**
 * A change applied as the protocol describes positions, on a fresh line table of the text (a character
 * past the line's end means the line's end). The client model the server must agree with.
 */
export function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const doc = TextDocument.create('file:///client', 'usersync', 1, text);
  const start = doc.offsetAt(change.range.start);
  const end = Math.max(start, doc.offsetAt(change.range.end));
  return text.slice(0, start) + change.text + text.slice(end);
}

/**
 * A random incremental change: a range (sometimes with a character past the line's end, which the
 * protocol allows) and garbage, a deletion or a paste. Lines stay inside the document: a line past the
 * end is not defined by the protocol (see lsp-regressions.test.ts for what it does today).
 */
export function randomChange(r: Rng, doc: TextDocument): TextDocumentContentChangeEvent {
  const pos = (): Position =>
    r.chance(0.1)
      ? { line: r.int(doc.lineCount), character: r.int(90) }
      : doc.positionAt(r.int(doc.getText().length + 1));
  let [a, b] = [pos(), r.chance(0.5) ? undefined : pos()];
  b ??= a;
  if (a.line > b.line || (a.line === b.line && a.character > b.character)) [a, b] = [b, a];
  let text: string;
  if (r.chance(0.2)) text = '';
  else if (r.chance(0.1)) {
    const source = doc.getText();
    const from = r.int(source.length + 1);
    text = source.slice(from, from + r.int(200));
  } else text = Array.from({ length: 1 + r.int(3) }, () => PIECES[r.int(PIECES.length)]).join('');
  return { range: { start: a, end: b }, text };
}

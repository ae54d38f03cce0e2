import type { Comment, Document } from '../model/model';
import type { Span } from '../text/span';

/** A foldable region as a span; the LSP layer turns it into lines (a region must span two lines or more). */
export interface FoldingSpan {
  span: Span;
  kind: 'region' | 'comment';
}

/** Connectors, source/target blocks, and runs of comment lines. */
export function foldingSpans(doc: Document): FoldingSpan[] {
  const out: FoldingSpan[] = [];
  const comments: Comment[] = [];
  for (const c of doc.connectors) {
    out.push({ span: c.span, kind: 'region' });
    comments.push(...c.leading, ...(c.trailing ? [c.trailing] : []), ...c.dangling);
    for (const i of c.items) {
      comments.push(...i.leading, ...(i.trailing ? [i.trailing] : []));
      if (i.kind !== 'block') continue;
      out.push({ span: i.span, kind: 'region' });
      comments.push(...i.dangling);
      for (const s of i.settings) comments.push(...s.leading, ...(s.trailing ? [s.trailing] : []));
    }
  }
  comments.push(...doc.dangling);
  comments.sort((a, b) => a.span.start - b.span.start);
  out.push(...commentRuns(doc.text, comments));
  return out;
}

/** Consecutive comments with only blanks and one line break between them. */
function commentRuns(text: string, comments: readonly Comment[]): FoldingSpan[] {
  const runs: FoldingSpan[] = [];
  let start = -1;
  let end = -1;
  let count = 0;
  for (const c of comments) {
    if (!startsLine(text, c.span.start)) continue;
    if (count > 0 && /^[ \t]*\r?\n[ \t]*$/.test(text.slice(end, c.span.start))) {
      end = c.span.end;
      count++;
      continue;
    }
    if (count > 1) runs.push({ span: { start, end }, kind: 'comment' });
    start = c.span.start;
    end = c.span.end;
    count = 1;
  }
  if (count > 1) runs.push({ span: { start, end }, kind: 'comment' });
  return runs;
}

function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return true;
}

import type { Diagnostic, TextEdit } from '../check/diagnostic';
import type { Block, Document } from '../model/model';
import type { Span } from '../text/span';
import { connectorAt } from './locate';

/** A code action in plain terms: edits in the whole text, and the finding it fixes. */
export interface CodeActionSpec {
  title: string;
  kind: 'quickfix' | 'source';
  edits: TextEdit[];
  preferred?: boolean;
  diagnostic?: Diagnostic;
}

const MISSING_SETTING = 'missing-setting';

/**
 * The fixes of the findings under `range` as quick fixes, plus "add missing required settings" when the
 * range is inside a block that lacks some, and a source action adding every missing setting of the file.
 * `diagnostics` and `range` are in whole-text offsets; `piece` is the model around the range.
 */
export function codeActions(
  diagnostics: readonly Diagnostic[],
  range: Span,
  piece?: { document: Document; base: number },
): CodeActionSpec[] {
  const out: CodeActionSpec[] = [];
  const seen = new Set<Diagnostic>();
  for (const d of diagnostics) {
    if (!touches(d.span, range) || !d.fixes?.length) continue;
    seen.add(d);
    for (const f of d.fixes)
      out.push({
        title: f.title,
        kind: 'quickfix',
        edits: f.edits,
        preferred: f.preferred || d.fixes.length === 1,
        diagnostic: d,
      });
  }
  const block = piece && blockAround(piece.document, range.start - piece.base);
  if (block && piece) {
    const span = { start: block.span.start + piece.base, end: block.span.end + piece.base };
    for (const d of diagnostics) {
      if (d.code !== MISSING_SETTING || seen.has(d) || !inside(d.span, span) || !d.fixes?.length) continue;
      out.push({
        title: 'Add missing required settings',
        kind: 'quickfix',
        edits: d.fixes[0].edits,
        preferred: true,
        diagnostic: d,
      });
    }
  }
  const all = diagnostics.filter((d) => d.code === MISSING_SETTING && d.fixes?.length);
  if (all.length > 0) {
    out.push({
      title: 'Add all missing required settings',
      kind: 'source',
      edits: all.flatMap((d) => d.fixes?.[0].edits ?? []),
    });
  }
  return out;
}

function blockAround(doc: Document, offset: number): Block | undefined {
  const c = connectorAt(doc, offset);
  return c?.items.find((i): i is Block => i.kind === 'block' && i.span.start <= offset && offset <= i.span.end);
}

function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function inside(a: Span, outer: Span): boolean {
  return a.start >= outer.start && a.end <= outer.end;
}

import { canonicalItems } from '../../server/src/format/item-order';
import type { Comment, Document } from '../../server/src/model/model';

/**
 * What "the same document" means for the fmt and convert laws: the model without spans, uri, text
 * and form, items in the canonical order fmt prints them in, and each comment as its text (without
 * trailing blanks, which fmt trims) on the node it is attached to.
 */
export function shape(doc: Document): unknown {
  const ordered = { ...doc, connectors: doc.connectors.map((c) => ({ ...c, items: canonicalItems(c) })) };
  return JSON.parse(
    JSON.stringify(ordered, (key, value: unknown) => {
      if (key === 'span' || key.endsWith('Span') || key === 'uri' || key === 'form' || key === 'text') return undefined;
      if (key === 'leading' || key === 'dangling') return (value as Comment[]).map(commentText);
      if (key === 'trailing') return commentText(value as Comment);
      return value;
    }),
  );
}

function commentText(c: Comment): string {
  return c.text.trimEnd();
}

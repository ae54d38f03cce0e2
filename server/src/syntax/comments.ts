import type { IToken } from 'chevrotain';
import type { Comment, Commented, Document } from '../model/model';
import type { Span } from '../text/span';

/**
 * Attaches comment tokens to the model so that fmt and convert keep them:
 * a comment on the line of a node's end is that node's trailing comment; other comments lead
 * the next node in their container, or dangle at the container's end.
 */
interface Container {
  span: Span;
  children: (Commented & { span: Span })[];
  dangling: Comment[];
  inner: Container[];
}

export function attachComments(doc: Document, tokens: IToken[]): void {
  if (tokens.length === 0) return;
  const root: Container = {
    span: { start: 0, end: doc.text.length },
    children: doc.connectors,
    dangling: doc.dangling,
    inner: doc.connectors.map((c) => ({
      span: c.span,
      children: c.items,
      dangling: c.dangling,
      inner: c.items.flatMap((i) =>
        i.kind === 'block' ? [{ span: i.span, children: i.settings, dangling: i.dangling, inner: [] }] : [],
      ),
    })),
  };
  for (const t of tokens) {
    const comment: Comment = {
      text: t.image.slice(1),
      span: { start: t.startOffset, end: t.startOffset + t.image.length },
    };
    place(root, comment, doc.text);
  }
}

function place(container: Container, comment: Comment, text: string): void {
  const inner = container.inner.find((c) => c.span.start < comment.span.start && comment.span.start < c.span.end);
  if (inner) return place(inner, comment, text);
  const kids = container.children;
  const nextIndex = kids.findIndex((k) => k.span.start >= comment.span.end);
  const prev = nextIndex === -1 ? kids[kids.length - 1] : kids[nextIndex - 1];
  if (
    prev &&
    prev.span.end <= comment.span.start &&
    !/[\r\n]/.test(text.slice(prev.span.end, comment.span.start)) &&
    !prev.trailing
  ) {
    prev.trailing = comment;
    return;
  }
  if (nextIndex === -1) container.dangling.push(comment);
  else kids[nextIndex].leading.push(comment);
}

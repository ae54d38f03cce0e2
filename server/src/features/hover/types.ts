import type { Span } from '../../text/span';

/** A hover: markdown over the span of the word it explains. */
export interface HoverResult {
  markdown: string;
  span: Span;
}

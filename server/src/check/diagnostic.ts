import type { Span } from '../text/span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix: a title and the edits that apply it, in the document's own form. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user would pick without reading (the single did-you-mean). */
  preferred?: boolean;
}

export interface Related {
  message: string;
  span: Span;
}

/**
 * A finding of the language core. `code` is stable (documented in docs/language.md) so
 * that CI output, LSP clients and suppressions can rely on it.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  related?: Related[];
  fixes?: Fix[];
  /** Marks hints such as "custom attribute" so editors can render them faintly. */
  tags?: ('unnecessary' | 'deprecated')[];
}

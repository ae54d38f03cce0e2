import type { Connector } from '../../model/model';
import type { Span } from '../../text/span';

/** A completion proposal in plain terms; the LSP layer turns it into a CompletionItem. */
export type CompletionKind =
  'keyword' | 'snippet' | 'type' | 'setting' | 'field' | 'attribute' | 'function' | 'value' | 'variable' | 'text';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line next to the label: a type, a signature. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text inserted over `replace` (the label when absent). */
  insertText?: string;
  /** `insertText` is a snippet with `${1:placeholder}` tab stops. */
  snippet?: boolean;
  replace: Span;
  sortText?: string;
  filterText?: string;
  /** Open completion again after inserting (the entry ends where more can follow, e.g. `manager.`). */
  retrigger?: boolean;
}

/** What completion may know beyond the document: names used elsewhere, attributes read from the IdP. */
export interface CompletionEnvironment {
  /** env("…") / secret("…") names used in the workspace (open documents and announced files). */
  referenceNames?: (reference: 'env' | 'secret') => readonly string[];
  /** Custom attributes of the connector's source read live from the IdP (full paths, e.g. `profile.badgeId`). */
  customAttributes?: (connector: Connector) => readonly CustomAttribute[];
}

export interface CustomAttribute {
  path: string;
  type: string;
  description?: string;
  isCollection?: boolean;
}

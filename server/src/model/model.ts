import type { Span } from '../text/span';

/**
 * The semantic model of a usersync document. Both forms (`.usersync` and `*.usersync.yaml`)
 * build this same model; checks, completion, hover, the planner and `convert` read only the model.
 *
 * Half-parsed input is normal: any name may be '' and any expression may be `missing`.
 * Every node carries the span of the text it came from in its own document.
 */

export type DocumentForm = 'usersync' | 'yaml';

export interface Document {
  form: DocumentForm;
  uri: string;
  text: string;
  connectors: Connector[];
  /** Comments after the last connector. */
  dangling: Comment[];
}

export interface Comment {
  /** Text without the leading '#'. */
  text: string;
  span: Span;
}

/** Comments that belong to a node: whole lines before it, and one at the end of its last line. */
export interface Commented {
  leading: Comment[];
  trailing?: Comment;
}

export interface Connector extends Commented {
  name: string;
  nameSpan: Span;
  span: Span;
  /** Items in source order; duplicates are kept so that checks can report them. */
  items: ConnectorItem[];
  /** Comments after the last item, before the closing brace. */
  dangling: Comment[];
}

export type ConnectorItem = Block | Match | Schedule | Option | Mapping | PinnedUser;

/** `source <type> { ... }` or `target <type> { ... }`. */
export interface Block extends Commented {
  kind: 'block';
  role: 'source' | 'target';
  type: string;
  typeSpan: Span;
  settings: Setting[];
  span: Span;
  /** Comments after the last setting, before the closing brace. */
  dangling: Comment[];
}

export interface Setting extends Commented {
  key: string;
  keySpan: Span;
  value: Expr;
  span: Span;
}

/** `match username = <expr>` */
export interface Match extends Commented {
  kind: 'match';
  field: string;
  fieldSpan: Span;
  expr: Expr;
  span: Span;
}

/** `schedule "<cron>"` */
export interface Schedule extends Commented {
  kind: 'schedule';
  cron: string;
  cronSpan: Span;
  span: Span;
}

/** `<key> = <value>` at connector level: on_empty, clear_guard and other connector options. */
export interface Option extends Commented {
  kind: 'option';
  key: string;
  keySpan: Span;
  value: Expr;
  span: Span;
}

/** `map property "<key>" = <expr>` or `map profile <field> = <expr>` */
export interface Mapping extends Commented {
  kind: 'mapping';
  /** 'property' or 'profile' when valid; any other word is kept as written and reported by the checks. */
  target: string;
  targetSpan: Span;
  key: string;
  keySpan: Span;
  expr: Expr;
  span: Span;
}

/** `user "<login>"` */
export interface PinnedUser extends Commented {
  kind: 'user';
  login: string;
  loginSpan: Span;
  span: Span;
}

export type Expr = PathExpr | StringExpr | CallExpr | MissingExpr;

/** `a.b[0].c[type=work].d` */
export interface PathExpr {
  kind: 'path';
  segments: PathSegment[];
  span: Span;
}

export interface PathSegment {
  name: string;
  span: Span;
  /** Index or selector applied after the name: `[0]` or `[type=work]`. */
  access?: IndexAccess | SelectorAccess;
}

export interface IndexAccess {
  kind: 'index';
  index: number;
  span: Span;
}

export interface SelectorAccess {
  kind: 'selector';
  key: string;
  value: string;
  span: Span;
}

export interface StringExpr {
  kind: 'string';
  value: string;
  span: Span;
}

export interface CallExpr {
  kind: 'call';
  name: string;
  nameSpan: Span;
  args: Expr[];
  span: Span;
}

/** Where an expression was expected and none could be parsed. */
export interface MissingExpr {
  kind: 'missing';
  span: Span;
}

export type SourceType = 'azure' | 'okta' | 'google';
export type TargetType = 'jira' | 'confluence';
export const SOURCE_TYPES: readonly SourceType[] = ['azure', 'okta', 'google'];
export const TARGET_TYPES: readonly TargetType[] = ['jira', 'confluence'];
/** Confluence profile fields (DefaultUserDetailsManager: personal + business groups). */
export const CONFLUENCE_PROFILE_FIELDS = ['phone', 'im', 'website', 'position', 'department', 'location'] as const;
export type ConfluenceProfileField = (typeof CONFLUENCE_PROFILE_FIELDS)[number];

/** A problem found while reading text into the model (syntax or YAML structure). */
export interface ParseError {
  message: string;
  span: Span;
  code: string;
}

export interface ParseResult {
  document: Document;
  errors: ParseError[];
}

import type { Block, Connector, Document, ParseError, SourceType, TargetType } from '../model/model';
import { SOURCE_TYPES, TARGET_TYPES } from '../model/model';
import { option, setting, sourceBlock, targetBlock, wordOf } from '../model/query';
import type { JiraStore } from '../model/targets';
import type { Span } from '../text/span';
import type { Reporter } from './report';

export interface CheckOptions {
  /**
   * The custom attributes the connector's IdP is known to have (from its schema: Okta custom profile
   * attributes, Graph directory extensions, Google custom schema fields), as paths without indexes:
   * `profile.employeeType`, `extension_<appid>_badge`, `customSchemas.employment.level`. When given, a
   * custom name outside the set is a warning; when undefined every custom name is accepted.
   */
  customAttributes?: (connector: Connector) => Set<string> | undefined;
}

/** What every connector-level check reads: the connector, its blocks, and its types when they are known. */
export interface ConnectorContext {
  doc: Document;
  connector: Connector;
  out: Reporter;
  options: CheckOptions;
  source?: Block;
  target?: Block;
  /** The source type, only when it is one usersync knows. */
  sourceType?: SourceType;
  targetType?: TargetType;
  /** Jira `store`: where properties are written (default properties). */
  store: JiraStore;
  /** Spans of parse errors, so that a hole the parser already reported is not reported again. */
  parseErrors: readonly ParseError[];
}

export function connectorContext(
  doc: Document,
  connector: Connector,
  out: Reporter,
  options: CheckOptions,
  parseErrors: readonly ParseError[],
): ConnectorContext {
  const source = sourceBlock(connector);
  const target = targetBlock(connector);
  const sourceType = SOURCE_TYPES.find((t) => t === source?.type);
  const targetType = TARGET_TYPES.find((t) => t === target?.type);
  return {
    doc,
    connector,
    out,
    options,
    source,
    target,
    sourceType,
    targetType,
    store: jiraStoreOf(target),
    parseErrors,
  };
}

/** `on_empty`: clear only when the first `on_empty` says so, read as the engine reads it (runnable.ts). */
export function clearsOnEmpty(connector: Connector): boolean {
  const value = option(connector, 'on_empty')?.value;
  return value !== undefined && wordOf(value) === 'clear';
}

/** Jira `store = entity | properties` (properties when absent or anything else; the checks report the rest). */
export function jiraStoreOf(target: Block | undefined): JiraStore {
  const value = setting(target, 'store')?.value;
  const word = value?.kind === 'string' ? value.value : value?.kind === 'path' ? value.segments[0]?.name : undefined;
  return word === 'entity' ? 'entity' : 'properties';
}

/**
 * True when a parse error touches this span or the next token after it: a hole the parser already
 * reported (a missing value is reported at the token that stands where the value should be).
 */
export function hasParseErrorIn(ctx: Pick<ConnectorContext, 'parseErrors' | 'doc'>, span: Span): boolean {
  const text = ctx.doc.text;
  let next = span.end;
  while (next < text.length) {
    if (/\s/.test(text[next])) next++;
    else if (text[next] === '#') while (next < text.length && text[next] !== '\n') next++;
    else break;
  }
  return ctx.parseErrors.some((e) => e.span.start <= next && e.span.end >= span.start);
}

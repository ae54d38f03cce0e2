import type { Connector, ConnectorItem, Document, SourceType } from '../model/model';
import { mappingsOf } from '../model/query';
import { SOURCE_SPECS, TARGET_SPECS } from '../model/settings';
import type { BlockSpec } from '../model/settings';
import type { Span } from '../text/span';
import type { Code } from './codes';
import type { ConnectorContext } from './context';
import type { Fix } from './diagnostic';
import { insertInBraces, removeEdit } from './edits';
import type { Reporter } from './report';

/** Connector names are unique in a file; the first one is the one that counts. */
export function checkConnectorNames(doc: Document, out: Reporter): void {
  const first = new Map<string, Connector>();
  for (const c of doc.connectors) {
    if (c.name === '') {
      out.report(
        'missing-connector-name',
        'a connector needs a name: `connector <name> { … }`',
        keywordSpan(doc.text, c.span.start),
      );
      continue;
    }
    const earlier = first.get(c.name);
    if (!earlier) {
      first.set(c.name, c);
      continue;
    }
    out.report(
      'duplicate-connector',
      `there is already a connector named '${c.name}'; connector names must be unique`,
      c.nameSpan,
      {
        related: [{ message: `the first connector named '${c.name}'`, span: earlier.nameSpan }],
      },
    );
  }
}

/**
 * A file without a connector (empty, or only comments) is refused by `run`, `preview` and `daemon`, so it is an
 * error here too: `validate` in CI then fails on the file production would refuse. Not reported over syntax
 * errors, which already say why nothing was read.
 */
export function checkHasConnector(doc: Document, parseErrors: readonly unknown[], out: Reporter): void {
  if (doc.connectors.length > 0 || parseErrors.length > 0) return;
  const firstLine = /^[^\r\n]*/.exec(doc.text)?.[0].length ?? 0;
  const what = doc.form === 'yaml' ? 'one under `connectors:`' : '`connector <name> { … }`';
  out.report('no-connector', `this file declares no connector: add ${what}`, { start: 0, end: firstLine });
}

function keywordSpan(text: string, start: number): Span {
  return { start, end: text.startsWith('connector', start) ? start + 'connector'.length : start };
}

/** How each source type is usually matched to Jira/Confluence usernames. */
export const DEFAULT_MATCH: Readonly<Record<SourceType, string>> = {
  azure: 'lower(userPrincipalName)',
  okta: 'profile.login',
  google: 'primaryEmail',
};

/** A connector has one source, one target and one match; at most one schedule. */
export function checkConnectorItems(ctx: ConnectorContext): void {
  const { connector: c, out, doc } = ctx;
  const where = c.name ? `connector '${c.name}'` : 'this connector';
  const anchor = c.name ? c.nameSpan : keywordSpan(doc.text, c.span.start);
  const items = c.items;
  const blocks = (role: 'source' | 'target') => items.filter((i) => i.kind === 'block' && i.role === role);
  const sources = blocks('source');
  const targets = blocks('target');
  const matches = items.filter((i) => i.kind === 'match');
  if (sources.length === 0) {
    const fixes = doc.form === 'usersync' ? Object.values(SOURCE_SPECS).map((s) => addBlockFix(ctx, s, 'start')) : [];
    out.report('missing-source', `${where} has no source: add \`source azure|okta|google { … }\``, anchor, {
      fixes: compact(fixes),
    });
  }
  if (targets.length === 0) {
    const fixes = doc.form === 'usersync' ? Object.values(TARGET_SPECS).map((s) => addBlockFix(ctx, s, 'blocks')) : [];
    out.report('missing-target', `${where} has no target: add \`target jira|confluence { … }\``, anchor, {
      fixes: compact(fixes),
    });
  }
  if (matches.length === 0) {
    const sourceType = ctx.sourceType ?? 'azure';
    const line = `match username = ${DEFAULT_MATCH[sourceType]}`;
    const fix = doc.form === 'usersync' ? insertItemFix(ctx, `Add '${line}'`, line, 'blocks') : undefined;
    out.report(
      'missing-match',
      `${where} has no match line: say how IdP users find their Jira/Confluence user, e.g. \`${line}\``,
      anchor,
      {
        fixes: compact([fix]),
      },
    );
  }
  reportDuplicates(ctx, sources, 'duplicate-source', 'source', (i) => (i.kind === 'block' ? i.typeSpan : i.span));
  reportDuplicates(ctx, targets, 'duplicate-target', 'target', (i) => (i.kind === 'block' ? i.typeSpan : i.span));
  reportDuplicates(ctx, matches, 'duplicate-match', 'match line', (i) => (i.kind === 'match' ? i.fieldSpan : i.span));
  const schedules = items.filter((i) => i.kind === 'schedule');
  reportDuplicates(ctx, schedules, 'duplicate-schedule', 'schedule', (i) =>
    i.kind === 'schedule' ? i.cronSpan : i.span,
  );
  if (mappingsOf(c).length === 0 && sources.length > 0 && targets.length > 0) {
    out.report('no-mappings', `${where} maps nothing: add \`map property "<key>" = <attribute>\` lines`, anchor);
  }
}

function reportDuplicates(
  ctx: ConnectorContext,
  items: ConnectorItem[],
  code: Code,
  what: string,
  spanOf: (i: ConnectorItem) => Span,
): void {
  const [first, ...rest] = items;
  for (const item of rest) {
    ctx.out.report(code, `a connector has one ${what}; this one is ignored`, nonEmpty(spanOf(item), item.span), {
      related: [{ message: `the ${what} that counts`, span: nonEmpty(spanOf(first), first.span) }],
      fixes: [{ title: `Remove this ${what}`, edits: [removeEdit(ctx.doc.text, item.span)] }],
    });
  }
}

function nonEmpty(span: Span, fallback: Span): Span {
  return span.end > span.start ? span : fallback;
}

function compact(fixes: (Fix | undefined)[]): Fix[] {
  return fixes.filter((f): f is Fix => f !== undefined);
}

/** The text of a new block with its required settings, e.g. `target jira {\n  url = "…"\n  token = env("JIRA_TOKEN")\n}`. */
export function blockSkeleton(spec: BlockSpec): string {
  const required = spec.settings.filter((s) => s.required);
  const firstWay = spec.oneOf.filter((g) => g.required).flatMap((g) => g.alternatives[0]);
  const names = [...required.map((s) => s.name), ...firstWay];
  const lines = spec.settings.filter((s) => names.includes(s.name)).map((s) => `  ${s.name} = ${s.placeholder}`);
  return `${spec.role} ${spec.type} {\n${lines.join('\n')}\n}`;
}

function addBlockFix(ctx: ConnectorContext, spec: BlockSpec, position: 'start' | 'blocks'): Fix | undefined {
  return insertItemFix(ctx, `Add ${spec.role} ${spec.type}`, blockSkeleton(spec), position);
}

/** Inserts a connector item at the start (sources) or after the blocks (targets, match). */
function insertItemFix(
  ctx: ConnectorContext,
  title: string,
  item: string,
  position: 'start' | 'blocks',
): Fix | undefined {
  const items = ctx.connector.items;
  const lastBlock = items.reduce((n, it, i) => (it.kind === 'block' ? i : n), -1);
  const before = position === 'start' ? [] : items.slice(0, lastBlock + 1);
  const edit = insertInBraces(
    ctx.doc.text,
    ctx.connector.span,
    before.map((i) => i.span),
    [item],
  );
  return edit ? { title, edits: [edit] } : undefined;
}

import { getCatalog, type AttributeInfo } from '../model/catalogs/catalog';
import type { PathExpr, SourceType } from '../model/model';
import { completePath, EXPANDED_NAVIGATIONS, pathText, type PathFlags } from '../model/paths';
import type { Span } from '../text/span';
import type { ConnectorContext } from './context';
import type { Fix } from './diagnostic';
import { changeToFixes, replaceFix } from './edits';
import type { ExprRole } from './walk';

/** What the resolver flagged on a path that resolved (found or custom). */
export function reportFlags(
  ctx: ConnectorContext,
  idp: SourceType,
  path: PathExpr,
  flags: PathFlags,
  role: ExprRole,
): void {
  const { out, doc } = ctx;
  if (flags.indexOnSingleValued) {
    const access = doc.text.slice(flags.indexOnSingleValued.start, flags.indexOnSingleValued.end);
    out.report(
      'index-on-single-value',
      `${segmentBefore(path, flags.indexOnSingleValued)} holds one value; ${access} applies only to multi-valued attributes`,
      flags.indexOnSingleValued,
      {
        fixes: [replaceFix(`Remove ${access}`, flags.indexOnSingleValued, '', true)],
      },
    );
  }
  if (flags.multiValuedWithoutIndex) reportMultiValued(ctx, idp, path, flags.multiValuedWithoutIndex, role);
  if (flags.listNotSupported) {
    const text = pathText(path);
    out.report('per-user-attribute', `Graph returns ${text} only per user: one extra request per user`, path.span);
  }
  if (flags.objectValue && !flags.unsupportedNavigation) reportObject(ctx, idp, path);
  if (flags.unsupportedNavigation) reportNavigation(ctx, flags.unsupportedNavigation);
  if (flags.unknownSelectorKey) {
    const { span, key, validKeys, suggestions } = flags.unknownSelectorKey;
    const keySpan = innerSpan(doc.text, span, key, 1);
    const valid = validKeys.length
      ? `: use ${validKeys.join(', ')}`
      : ': its values are plain values, use an index such as [0]';
    out.report('unknown-selector-key', `the elements have no field '${key}'${valid}`, keySpan, {
      fixes: changeToFixes(keySpan, suggestions),
    });
  }
  if (flags.selectorValueNotBoolean) {
    const { span, key } = flags.selectorValueNotBoolean;
    const eq = doc.text.indexOf('=', span.start);
    const valueSpan = eq >= 0 && eq < span.end ? { start: eq + 1, end: Math.max(eq + 1, span.end - 1) } : span;
    out.report('selector-value-not-boolean', `${key} is true or false`, valueSpan, {
      fixes: [
        replaceFix("Change to 'true'", valueSpan, 'true', true),
        replaceFix("Change to 'false'", valueSpan, 'false'),
      ],
    });
  }
}

function segmentBefore(path: PathExpr, access: Span): string {
  return path.segments.find((s) => s.access && s.access.span.start === access.start)?.name ?? 'this attribute';
}

/** `key` inside `[key=value]`, or the whole access when the text differs (another form's quoting). */
function innerSpan(text: string, span: Span, part: string, offset: number): Span {
  const start = span.start + offset;
  return text.startsWith(part, start) && part ? { start, end: start + part.length } : span;
}

function reportMultiValued(ctx: ConnectorContext, idp: SourceType, path: PathExpr, span: Span, role: ExprRole): void {
  const index = path.segments.findIndex((s) => s.span.start === span.start);
  const segment = path.segments[index];
  const attr = attributeAt(idp, path, index);
  const keys = attr?.selectorKeys ?? [];
  const at = { start: span.end, end: span.end };
  const fixes: Fix[] = [];
  if (keys.includes('primary')) fixes.push(replaceFix('Add [primary=true]', at, '[primary=true]', true));
  if (keys.includes('type')) fixes.push(replaceFix('Add [type=work]', at, '[type=work]'));
  fixes.push(replaceFix('Add [0]', at, '[0]', fixes.length === 0));
  const name = segment?.name ?? pathText(path);
  if (role === 'match') {
    ctx.out.report(
      'match-multi-value',
      `${name} holds several values; match needs one per user: say which, e.g. ${name}[0]`,
      span,
      { fixes },
    );
  } else {
    ctx.out.report(
      'multi-value-without-index',
      `${name} holds several values; without [0] or a selector the first one is used`,
      span,
      { fixes },
    );
  }
}

/** The catalog entry of segment `index` (through `manager.` the user's own attributes). */
function attributeAt(idp: SourceType, path: PathExpr, index: number): AttributeInfo | undefined {
  const skip =
    idp === 'azure' && path.segments.length > 1 && EXPANDED_NAVIGATIONS.includes(path.segments[0].name) ? 1 : 0;
  const names = path.segments
    .slice(skip, index + 1)
    .map((s, i, all) => (i < all.length - 1 && s.access ? `${s.name}[]` : s.name));
  return getCatalog(idp).get(names.join('.'));
}

const USUAL_FIELDS = ['mail', 'displayName', 'userPrincipalName', 'value', 'address', 'title', 'extensionAttribute1'];

function reportObject(ctx: ConnectorContext, idp: SourceType, path: PathExpr): void {
  const text = pathText(path);
  const children = completePath(path.segments, idp);
  const rank = (a: AttributeInfo) =>
    USUAL_FIELDS.includes(a.name) ? USUAL_FIELDS.indexOf(a.name) : USUAL_FIELDS.length;
  const picks = [...children].sort((a, b) => rank(a) - rank(b)).slice(0, 3);
  const fixes = picks.map((a) => replaceFix(`Change to '${text}.${a.name}'`, path.span, `${text}.${a.name}`));
  const example = picks[0] ? `, e.g. ${text}.${picks[0].name}` : '';
  ctx.out.report('object-value', `${text} is an object, not a value: pick one of its fields${example}`, path.span, {
    fixes,
  });
}

export function reportNavigation(ctx: ConnectorContext, span: Span): void {
  const nav = ctx.doc.text.slice(span.start, span.end);
  ctx.out.report(
    'unsupported-navigation',
    `${nav} is a Graph navigation property; usersync follows only ${EXPANDED_NAVIGATIONS.join(', ')}`,
    span,
  );
}

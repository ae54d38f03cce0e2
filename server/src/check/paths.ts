import type { PathExpr, SourceType } from '../model/model';
import { EXPANDED_NAVIGATIONS, pathText, resolvePath, type CustomPath, type UnknownPath } from '../model/paths';
import { suggestNames } from '../model/path-suggest';
import type { Span } from '../text/span';
import type { ConnectorContext } from './context';
import type { Fix } from './diagnostic';
import { changeToFixes, replaceFix } from './edits';
import { equivalentIn } from './path-equivalents';
import { reportFlags, reportNavigation } from './path-flags';
import { attributeExprs, pathsIn, type ExprRole } from './walk';

export const IDP_NAMES: Readonly<Record<SourceType, string>> = { azure: 'Entra ID', okta: 'Okta', google: 'Google' };
const SCHEMA_NAMES: Readonly<Record<SourceType, string>> = {
  azure: 'the Graph schema',
  okta: 'the Okta base profile',
  google: 'the Directory schema',
};
/** How each family of custom names is accepted, by catalog pattern. */
const CUSTOM_KINDS: Readonly<Record<string, string>> = {
  'extension_{appIdWithoutDashes}_{name}': 'a directory extension',
  'customSecurityAttributes.{*}': 'a custom security attribute',
  'profile.{name}': 'a custom profile attribute',
  'customSchemas.{schemaName}.{fieldName}': 'a custom schema field',
};

/** Every attribute path in match and the mappings, against the catalog of the connector's source type. */
export function checkPaths(ctx: ConnectorContext): void {
  const idp = ctx.sourceType;
  if (!idp) return;
  for (const { expr, role } of attributeExprs(ctx.connector)) {
    for (const path of pathsIn(expr)) {
      if (path.segments.length === 0 || path.segments[0].name === '') continue;
      checkPath(ctx, idp, path, role);
    }
  }
}

function checkPath(ctx: ConnectorContext, idp: SourceType, path: PathExpr, role: ExprRole): void {
  const r = resolvePath(path, idp);
  if (r.kind === 'unknown') return reportUnknown(ctx, idp, path, r);
  if (r.kind === 'custom') reportCustom(ctx, idp, path, r);
  reportFlags(ctx, idp, path, r.flags, role);
}

function reportUnknown(ctx: ConnectorContext, idp: SourceType, path: PathExpr, r: UnknownPath): void {
  if (r.incomplete) return;
  const text = pathText(path);
  const other = r.otherIdps[0];
  if (other) {
    const equivalent = equivalentIn(text, other, idp);
    ctx.out.report(
      'attribute-of-other-idp',
      `${text} is ${article(IDP_NAMES[other])} ${IDP_NAMES[other]} attribute; this connector reads ${idp}${equivalent ? ` (there it is ${equivalent})` : ''}`,
      path.span,
      { fixes: equivalent ? [replaceFix(`Change to '${equivalent}'`, path.span, equivalent, true)] : [] },
    );
    return;
  }
  const navigation = r.parent?.navigation ? path.segments[r.segmentIndex - 1] : undefined;
  if (navigation && !EXPANDED_NAVIGATIONS.includes(navigation.name)) {
    reportNavigation(ctx, navigation.span);
    return;
  }
  const suggestions = r.suggestions.filter((s) => s !== r.name);
  let message =
    r.parent && r.segmentIndex > 0
      ? `${r.parent.path} has no field '${r.name}'`
      : `'${r.name}' is not an attribute of ${IDP_NAMES[idp]} users`;
  const fixes: Fix[] = changeToFixes(r.span, suggestions);
  const wholeUpTo: Span = { start: path.span.start, end: r.span.end };
  for (const full of r.elsewhere)
    fixes.push(
      replaceFix(`Change to '${full}'`, wholeUpTo, full, suggestions.length === 0 && r.elsewhere.length === 1),
    );
  if (suggestions.length === 1) message += `; did you mean '${suggestions[0]}'?`;
  else if (r.elsewhere.length === 1 && suggestions.length === 0) message += `; did you mean '${r.elsewhere[0]}'?`;
  if (r.hint) message += ` (${r.hint})`;
  ctx.out.report('unknown-attribute', message, r.span, { fixes });
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

function reportCustom(ctx: ConnectorContext, idp: SourceType, path: PathExpr, r: CustomPath): void {
  const known = ctx.options.customAttributes?.(ctx.connector);
  const name = r.path.replace(/\[\]/g, '');
  const fixes = changeToFixes(r.span, r.suggestions);
  const typo = r.suggestions.length === 1 ? ` (did you mean '${r.suggestions[0]}'?)` : '';
  if (known) {
    if ([...known].some((k) => name === k || name.startsWith(`${k}.`))) return;
    const listed = suggestNames(name, known);
    const span = { start: r.span.start, end: path.span.end };
    for (const s of listed)
      fixes.push(replaceFix(`Change to '${s}'`, path.span, s, listed.length === 1 && r.suggestions.length === 0));
    ctx.out.report(
      'unknown-custom-attribute',
      `${name} is not among the custom attributes ${IDP_NAMES[idp]} lists for this connector${typo}`,
      span,
      { fixes },
    );
    return;
  }
  const kind = CUSTOM_KINDS[r.pattern.pattern] ?? r.reason;
  ctx.out.report('custom-attribute', `${name} is not in ${SCHEMA_NAMES[idp]}; accepted as ${kind}${typo}`, r.span, {
    fixes,
    tags: ['unnecessary'],
  });
}

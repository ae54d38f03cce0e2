import { isValueReference, VALUE_REFERENCES } from '../model/functions/references';
import type { Expr } from '../model/model';
import { pathText } from '../model/paths';
import { suggestNames } from '../model/path-suggest';
import { allowedReferences, type SettingSpec } from '../model/settings';
import type { Span } from '../text/span';
import { hasParseErrorIn, type ConnectorContext } from './context';
import { changeToFixes, quoted, referenceText, replaceFix } from './edits';
import type { Fix } from './diagnostic';

/**
 * The value of a setting (or connector option) against its spec: the kind of expression, enum words,
 * URLs, file(...) settings, empty strings. Reference arguments and literal secrets have their own checks.
 */
export function checkValue(ctx: ConnectorContext, spec: SettingSpec, value: Expr, keySpan: Span): void {
  const { out, doc } = ctx;
  switch (value.kind) {
    case 'missing':
      if (!hasParseErrorIn(ctx, { start: keySpan.start, end: value.span.end })) {
        out.report('missing-value', `${spec.name} has no value: write ${spec.name} = ${spec.placeholder}`, keySpan);
      }
      return;
    case 'call':
      if (isValueReference(value.name)) {
        if (spec.kind === 'file' && !allowedReferences(spec).includes(value.name)) {
          out.report(
            'expected-file',
            `${spec.name} takes ${allowedReferences(spec)
              .map((r) => `${r}(…)`)
              .join(' or ')}`,
            value.nameSpan,
          );
        }
        return;
      }
      out.report('expected-string', `${spec.name} takes ${expectedWhat(spec)}, not a function call`, value.nameSpan, {
        fixes: changeToFixes(value.nameSpan, suggestNames(value.name, VALUE_REFERENCES)),
      });
      return;
    case 'path':
      if (spec.kind === 'enum' && value.segments.length === 1 && !value.segments[0].access) {
        checkEnum(ctx, spec, value.segments[0].name, value.span, (w) => w);
        return;
      }
      out.report(
        'expected-string',
        `${spec.name} takes ${expectedWhat(spec)}; '${pathText(value)}' reads like an attribute path`,
        value.span,
        {
          fixes:
            doc.form === 'usersync' && spec.kind !== 'enum'
              ? [replaceFix('Put it in quotes', value.span, quoted(pathText(value)), true)]
              : [],
        },
      );
      return;
    case 'string':
      checkString(ctx, spec, value.value, value.span);
  }
}

function expectedWhat(spec: SettingSpec): string {
  switch (spec.kind) {
    case 'enum':
      return (spec.values ?? []).join(' or ');
    case 'file':
      return 'file("…")';
    case 'secret':
      return 'env("…") or secret("…")';
    case 'url':
      return 'a URL in quotes';
    default:
      return 'a string in quotes';
  }
}

function checkString(ctx: ConnectorContext, spec: SettingSpec, text: string, span: Span): void {
  const { out, doc } = ctx;
  if (text.trim() === '') {
    out.report('empty-value', `${spec.name} is empty: leave the setting out or give it a value`, span);
    return;
  }
  if (spec.kind === 'enum') return checkEnum(ctx, spec, text, span, quoted);
  if (spec.kind === 'url') return checkUrl(ctx, spec, text, span);
  if (spec.kind === 'file' && !looksLikeContent(text)) {
    out.report('expected-file', `${spec.name} takes the contents of a file: write file(${quoted(text)})`, span, {
      fixes: [replaceFix(`Change to file(${quoted(text)})`, span, referenceText(doc.form, 'file', text), true)],
    });
  }
}

/** A PEM block or a JSON document written inline: the value itself, not a path (literal-secret reports it). */
export function looksLikeContent(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('-----BEGIN');
}

function checkEnum(
  ctx: ConnectorContext,
  spec: SettingSpec,
  word: string,
  span: Span,
  render: (w: string) => string,
): void {
  const values = spec.values ?? [];
  if (values.includes(word)) return;
  const suggestions = suggestNames(word, values);
  const fixes: Fix[] = suggestions.length
    ? changeToFixes(span, suggestions, render)
    : values.map((v) => replaceFix(`Change to '${v}'`, span, render(v)));
  ctx.out.report(
    'invalid-enum-value',
    `${spec.name} is ${values.map((v) => `'${v}'`).join(' or ')}, not '${word}'`,
    span,
    { fixes },
  );
}

const LOCAL_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function checkUrl(ctx: ConnectorContext, spec: SettingSpec, text: string, span: Span): void {
  const { out } = ctx;
  const url = parseUrl(text);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    const schemeless = !/^[a-z][a-z0-9+.-]*:/i.test(text) ? parseUrl(`https://${text}`) : undefined;
    const fixes = schemeless
      ? [replaceFix(`Change to '${schemeless.href.replace(/\/$/, '')}'`, span, quoted(`https://${text}`), true)]
      : [];
    out.report('invalid-url', `${spec.name} must be an http(s) URL such as ${unquote(spec.placeholder)}`, span, {
      fixes,
    });
    return;
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.test(url.hostname)) {
    const https = `https://${text.slice('http://'.length)}`;
    out.report(
      'insecure-url',
      `${spec.name} uses http://: credentials and profile data would travel unencrypted`,
      span,
      {
        fixes: [replaceFix('Change to https://', span, quoted(https), true)],
      },
    );
  }
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function unquote(placeholder: string): string {
  return placeholder.replace(/^"|"$/g, '');
}

import type { Expr, Mapping, SourceType, TargetType } from '../model/model';
import { resolvePath } from '../model/paths';
import { suggestNames } from '../model/path-suggest';
import { mappingsOf } from '../model/query';
import {
  MAP_TARGETS,
  PROFILE_FIELD_SYNONYMS,
  mapTargetsOf,
  profileFieldsOf,
  propertyKeyProblem,
  sanitizePropertyKey,
  valueLimit,
  valueSize,
  type ValueLimit,
} from '../model/targets';
import { clearsOnEmpty, hasParseErrorIn, type ConnectorContext } from './context';
import { changeToFixes, quoted, removeEdit, replaceFix } from './edits';

const TARGET_NAMES: Readonly<Record<TargetType, string>> = { jira: 'Jira', confluence: 'Confluence' };

/** `map` lines against the target: property or profile, valid keys, no key twice, values that fit. */
export function checkMappings(ctx: ConnectorContext): void {
  const first = new Map<string, Mapping>();
  for (const m of mappingsOf(ctx.connector)) {
    if (m.target === '') continue;
    if (!checkTargetWord(ctx, m)) continue;
    if (m.keySpan.end === m.keySpan.start) continue;
    checkKey(ctx, m);
    const id = `${m.target}\u0000${m.key}`;
    const earlier = first.get(id);
    if (earlier) {
      ctx.out.report(
        'duplicate-mapping',
        `${m.target} '${m.key}' is already mapped; the first map line wins`,
        m.keySpan,
        {
          related: [{ message: `the first map line for '${m.key}'`, span: earlier.keySpan }],
          fixes: [{ title: 'Remove this map line', edits: [removeEdit(ctx.doc.text, m.span)] }],
        },
      );
    } else {
      first.set(id, m);
    }
    if (m.expr.kind === 'missing' && !hasParseErrorIn(ctx, m.span)) {
      ctx.out.report('missing-value', `map ${m.target} ${m.key} has no value: write = <attribute>`, m.keySpan);
    }
    checkValueLength(ctx, m);
  }
}

/** False when the line cannot be checked further (unknown word, or a kind the target does not have). */
function checkTargetWord(ctx: ConnectorContext, m: Mapping): boolean {
  const allowed = ctx.targetType ? mapTargetsOf(ctx.targetType) : MAP_TARGETS;
  if (!(MAP_TARGETS as readonly string[]).includes(m.target)) {
    const suggestions = suggestNames(m.target, allowed);
    ctx.out.report(
      'unknown-map-target',
      `map takes 'property'${allowed.includes('profile') ? " or 'profile'" : ''}, not '${m.target}'`,
      m.targetSpan,
      {
        fixes: changeToFixes(m.targetSpan, suggestions),
      },
    );
    return false;
  }
  if (ctx.targetType && !allowed.includes(m.target as 'property' | 'profile')) {
    const key = m.key ? m.key[0].toUpperCase() + m.key.slice(1) : 'Key';
    const fixes =
      ctx.doc.form === 'usersync' && m.keySpan.end > m.keySpan.start
        ? [
            replaceFix(
              `Change to map property ${quoted(key)}`,
              { start: m.targetSpan.start, end: m.keySpan.end },
              `property ${quoted(key)}`,
              true,
            ),
          ]
        : [];
    ctx.out.report(
      'map-target-not-supported',
      `${TARGET_NAMES[ctx.targetType]} has no profile fields: map to a user property with map property "<key>"`,
      m.targetSpan,
      { fixes },
    );
    return false;
  }
  return true;
}

function checkKey(ctx: ConnectorContext, m: Mapping): void {
  const target = ctx.targetType;
  if (!target) return;
  if (m.target === 'profile') {
    const fields = profileFieldsOf(target);
    if (fields.includes(m.key)) return;
    const synonym = PROFILE_FIELD_SYNONYMS[m.key.toLowerCase().replace(/[^a-z]/g, '')];
    const suggestions = synonym ? [synonym] : suggestNames(m.key, fields);
    const hint = suggestions.length === 1 ? `; did you mean '${suggestions[0]}'?` : '';
    ctx.out.report(
      'unknown-profile-field',
      `${TARGET_NAMES[target]} has no profile field '${m.key}': the fields are ${fields.join(', ')}${hint}`,
      m.keySpan,
      {
        fixes: changeToFixes(m.keySpan, suggestions),
      },
    );
    return;
  }
  const problem = propertyKeyProblem(target, m.key, ctx.store);
  if (!problem) return;
  const clean = sanitizePropertyKey(m.key);
  const fixable = (target === 'confluence' || ctx.store === 'properties') && clean !== '' && clean !== m.key;
  ctx.out.report('invalid-property-key', problem, m.keySpan, {
    fixes: fixable ? [replaceFix(`Change to ${quoted(clean)}`, m.keySpan, quoted(clean), true)] : [],
  });
}

function checkValueLength(ctx: ConnectorContext, m: Mapping): void {
  if (!ctx.targetType) return;
  const limit = valueLimit(ctx.targetType, m.target as 'property' | 'profile', ctx.store);
  const expr = m.expr;
  if (expr.kind === 'string') {
    if (expr.value.trim() === '') {
      const what = m.target === 'profile' ? `the profile field ${m.key}` : `the property '${m.key}'`;
      ctx.out.report(
        'empty-constant',
        clearsOnEmpty(ctx.connector)
          ? `the value is always empty: with on_empty = clear this line removes ${what} from every user who has it (the clear guard stops a run that would clear it for more than clear_guard of the users)`
          : `the value is always empty, so this line never writes anything (an empty value counts as no value)`,
        expr.span,
      );
    } else if (limit && valueSize(expr.value, limit) > limit.max) {
      ctx.out.report(
        'value-too-long',
        `this text is ${valueSize(expr.value, limit)} ${limit.unit}; ${limit.what} ${overWhat(limit)}`,
        expr.span,
      );
    }
    return;
  }
  if (!limit || !ctx.sourceType) return;
  const max = maxLengthOf(expr, ctx.sourceType);
  if (max === undefined || max <= limit.max) return;
  ctx.out.report(
    'value-may-be-too-long',
    `this value can be up to ${max} characters; ${limit.what} ${overWhat(limit)}`,
    expr.span,
  );
}

function overWhat(limit: ValueLimit): string {
  return limit.over === 'cut'
    ? `keep only the first ${limit.max} ${limit.unit} (the rest is cut off)`
    : `take at most ${limit.max} ${limit.unit} (longer values are rejected and skipped)`;
}

const SAME_OR_SHORTER = new Set(['lower', 'upper', 'trim', 'strip_domain', 'guest_email', 'substring']);

/** The longest value an expression can give, from the catalog's limits; undefined when unknown. */
export function maxLengthOf(expr: Expr, idp: SourceType): number | undefined {
  switch (expr.kind) {
    case 'string':
      return expr.value.length;
    case 'path': {
      const r = resolvePath(expr, idp);
      return r.kind === 'found' ? r.attribute.maxLength : undefined;
    }
    case 'call': {
      const length = expr.args[2];
      if (expr.name === 'substring' && length?.kind === 'string' && /^\d+$/.test(length.value)) {
        const inner = expr.args[0] ? maxLengthOf(expr.args[0], idp) : undefined;
        return Math.min(Number(length.value), inner ?? Infinity);
      }
      if (SAME_OR_SHORTER.has(expr.name)) return expr.args[0] ? maxLengthOf(expr.args[0], idp) : undefined;
      const parts = expr.args.map((a) => maxLengthOf(a, idp));
      if (parts.some((p) => p === undefined)) return undefined;
      const lengths = parts as number[];
      if (expr.name === 'first') return Math.max(0, ...lengths);
      if (expr.name === 'join') {
        const [sep = 0, ...values] = lengths;
        return values.reduce((a, b) => a + b, 0) + sep * Math.max(0, values.length - 1);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

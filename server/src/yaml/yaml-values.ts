import { isMap, isScalar, type Scalar } from 'yaml';
import type { Expr, ParseError } from '../model/model';
import { parseExpression } from '../syntax/parse-usersync';
import { shiftSpan, type Span } from '../text/span';
import { describe, isEmpty, keyOf, nodeSpan, report, type YamlContext, type YamlPair } from './yaml-nodes';
import { EXPR_KEY, KEYWORD_VALUED_KEYS, VALUE_FUNCTIONS } from './value-keys';

/**
 * Where a scalar's value stands in the text. Plain scalars and quoted scalars without escapes
 * hold their value verbatim, so expression spans map exactly; otherwise (escapes, folded lines,
 * block scalars) `offset` is undefined and spans fall back to the whole scalar.
 */
function verbatimOffset(node: Scalar, text: string): number | undefined {
  const range = node.range;
  const quoted = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE';
  if (!range || (node.type !== 'PLAIN' && !quoted)) return undefined;
  const start = quoted ? range[0] + 1 : range[0];
  const end = quoted ? range[1] - 1 : range[1];
  return text.slice(start, end) === String(node.value) ? start : undefined;
}

/** An expression written in a YAML scalar (map values, match fields, keyword-valued settings). */
export function readExpression(ctx: YamlContext, node: unknown, where: string, fallback: number): Expr {
  const span = nodeSpan(node, fallback);
  if (isEmpty(node) || !isScalar(node)) {
    report(
      ctx,
      isEmpty(node) ? 'missing-value' : 'yaml-wrong-type',
      `expected an expression ${where}, found ${describe(node)}`,
      span,
    );
    return { kind: 'missing', span };
  }
  const source = String(node.value);
  const offset = verbatimOffset(node, ctx.text);
  // parsed at 0, then moved onto the scalar (exact) or spread over it (escaped scalars)
  const { expr, errors } = parseExpression(source, 0);
  if (offset !== undefined) {
    ctx.errors.push(...errors.map((e): ParseError => ({ ...e, span: shiftSpan(e.span, offset) })));
    return mapSpans(expr, (s) => shiftSpan(s, offset));
  }
  ctx.errors.push(...errors.map((e): ParseError => ({ ...e, span })));
  return mapSpans(expr, () => span);
}

/** The expression with every span passed through `f` (moved into the YAML text, or onto the whole scalar). */
function mapSpans(expr: Expr, f: (s: Span) => Span): Expr {
  switch (expr.kind) {
    case 'call':
      return { ...expr, span: f(expr.span), nameSpan: f(expr.nameSpan), args: expr.args.map((a) => mapSpans(a, f)) };
    case 'path':
      return {
        ...expr,
        span: f(expr.span),
        segments: expr.segments.map((s) =>
          s.access
            ? { ...s, span: f(s.span), access: { ...s.access, span: f(s.access.span) } }
            : { ...s, span: f(s.span) },
        ),
      };
    default:
      return { ...expr, span: f(expr.span) };
  }
}

/**
 * The value of a setting or connector option: text, `{ env|secret|file: X }`, `{ expr: "..." }`,
 * or for keyword-valued keys (`on_empty`, `store`) an expression scalar.
 */
export function readValue(ctx: YamlContext, key: string, node: unknown, fallback: number): Expr {
  const where = `for '${key}'`;
  const span = nodeSpan(node, fallback);
  if (isMap(node)) return readFunctionValue(ctx, node.items as YamlPair[], where, span);
  if (isScalar(node) && !isEmpty(node)) {
    if (KEYWORD_VALUED_KEYS.has(key)) return readExpression(ctx, node, where, fallback);
    return { kind: 'string', value: String(node.value), span };
  }
  report(
    ctx,
    isEmpty(node) ? 'missing-value' : 'yaml-wrong-type',
    `expected a value ${where} (text, { env: NAME }, { secret: NAME }, { file: PATH } or { expr: EXPRESSION }), found ${describe(node)}`,
    span,
  );
  return { kind: 'missing', span };
}

function readFunctionValue(ctx: YamlContext, pairs: YamlPair[], where: string, span: Span): Expr {
  const pair = pairs[0];
  const key = pair && keyOf(ctx, pair, span.start);
  if (pairs.length !== 1 || !key || !(VALUE_FUNCTIONS.has(key.name) || key.name === EXPR_KEY)) {
    report(
      ctx,
      'yaml-wrong-type',
      `expected one of { env: NAME }, { secret: NAME }, { file: PATH } or { expr: EXPRESSION } ${where}`,
      span,
    );
    return { kind: 'missing', span };
  }
  if (key.name === EXPR_KEY) return readExpression(ctx, pair.value, where, key.span.end);
  const argSpan = nodeSpan(pair.value, key.span.end);
  if (!isScalar(pair.value) || isEmpty(pair.value)) {
    report(
      ctx,
      isEmpty(pair.value) ? 'missing-value' : 'yaml-wrong-type',
      `expected a text value for '${key.name}', found ${describe(pair.value)}`,
      argSpan,
    );
    return { kind: 'call', name: key.name, nameSpan: key.span, args: [{ kind: 'missing', span: argSpan }], span };
  }
  return {
    kind: 'call',
    name: key.name,
    nameSpan: key.span,
    args: [{ kind: 'string', value: String(pair.value.value), span: argSpan }],
    span,
  };
}

import { getFunction } from './functions/registry';
import type { CallExpr, Expr, IndexAccess, PathExpr, SelectorAccess } from './model';
import { pathPrefixText, pathText } from './path-text';

/**
 * Evaluates a mapping expression against one user as the IdP returned it (raw JSON; Graph `manager`
 * expanded in place as an object). Values are kept exactly as received: no trimming, no Unicode
 * normalization. Never throws: odd data gives `undefined` and a warning.
 */

export interface EvalWarning {
  message: string;
  /** The path (or `name()` for a function) the warning is about. */
  path: string;
}

export interface EvalResult {
  /** `undefined` when the user has no value for the expression. */
  value: string | undefined;
  warnings: EvalWarning[];
}

export function evaluate(expr: Expr, user: Record<string, unknown>): EvalResult {
  const warnings: EvalWarning[] = [];
  try {
    return { value: evalExpr(expr, user, warnings), warnings };
  } catch (e) {
    // only reachable with exotic objects (throwing getters, proxies) or absurdly deep expressions
    warnings.push({ message: `could not evaluate: ${e instanceof Error ? e.message : String(e)}`, path: '' });
    return { value: undefined, warnings };
  }
}

function evalExpr(expr: Expr, user: unknown, warnings: EvalWarning[]): string | undefined {
  switch (expr?.kind) {
    case 'string':
      return expr.value;
    case 'path':
      return evalPath(expr, user, warnings);
    case 'call':
      return evalCall(expr, user, warnings);
    default:
      return undefined;
  }
}

function evalCall(expr: CallExpr, user: unknown, warnings: EvalWarning[]): string | undefined {
  const fn = getFunction(expr.name);
  const where = `${expr.name}()`;
  if (!fn) {
    if (expr.name) warnings.push({ message: `unknown function ${expr.name}`, path: where });
    return undefined;
  }
  const args = (expr.args ?? []).map((a) => evalExpr(a, user, warnings));
  return fn.evaluate(args, { raw: expr.args, warn: (message) => warnings.push({ message, path: where }) });
}

/**
 * A path against one user. Warnings name the part of the path walked so far; their texts are built only
 * when a warning is given, since this runs for every user and mapping (800,000 times for 100,000 users).
 */
function evalPath(expr: PathExpr, user: unknown, warnings: EvalWarning[]): string | undefined {
  const warn = (message: string) => warnings.push({ message, path: pathText(expr) });
  const segments = expr.segments;
  let current: unknown = user;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (!seg.name) return undefined;
    current = firstOf(current, expr, i, warn);
    if (current === undefined || current === null) return undefined;
    if (!isObject(current)) {
      const walked = pathPrefixText(expr, i, true) || 'the user';
      warn(`${walked} is ${describe(current)}, so it has no field ${seg.name}`);
      return undefined;
    }
    current = hasOwn(current, seg.name) ? current[seg.name] : undefined;
    if (seg.access) current = applyAccess(current, seg.access, expr, i, warn);
  }
  return toValue(firstOf(current, expr, segments.length, warn), expr, warn);
}

function applyAccess(
  value: unknown,
  access: IndexAccess | SelectorAccess,
  expr: PathExpr,
  at: number,
  warn: (message: string) => void,
): unknown {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    warn(`${pathPrefixText(expr, at + 1, false)} is ${describe(value)}, not a list`);
    return undefined;
  }
  if (access.kind === 'index') {
    return Number.isInteger(access.index) && access.index >= 0 ? value[access.index] : undefined;
  }
  return value.find((el) => isObject(el) && hasOwn(el, access.key) && scalarText(el[access.key]) === access.value);
}

/** A list where one value is wanted: its first element (a warning when others are dropped). */
function firstOf(value: unknown, expr: PathExpr, walked: number, warn: (message: string) => void): unknown {
  let current = value;
  while (Array.isArray(current)) {
    if (current.length > 1)
      warn(`${pathPrefixText(expr, walked, true)} has ${current.length} values; the first is used`);
    current = current[0];
  }
  return current;
}

function toValue(value: unknown, expr: PathExpr, warn: (message: string) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = scalarText(value);
  if (text === undefined) warn(`${pathText(expr)} is ${describe(value)}, not a single value`);
  return text;
}

function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

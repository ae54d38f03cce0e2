import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { ParseError } from '../model/model';
import type { Span } from '../text/span';

/** What every reader of the YAML tree shares: the text (for exact expression spans) and the error list. */
export interface YamlContext {
  text: string;
  errors: ParseError[];
  /** Where connectors and blocks end for comment placement (see recordExtent in yaml-comments.ts). */
  extents: Map<object, number>;
}

export type YamlPair = Pair<unknown, unknown>;

/**
 * The span of a node's own text. A block collection's range runs on over the comments and line
 * break after its last entry; its span ends where that entry's value does, so that those comments
 * stay outside (they dangle, or lead what follows).
 */
export function nodeSpan(node: unknown, fallback: number): Span {
  const range = (node as Node | null)?.range;
  if (!range) return { start: fallback, end: fallback };
  return { start: range[0], end: Math.max(range[0], tightEnd(node, range[1])) };
}

function tightEnd(node: unknown, end: number): number {
  if (!isCollection(node) || node.flow) return end;
  const last = node.items[node.items.length - 1];
  if (last === undefined) return end;
  if (!isPair(last)) return nodeSpan(last, end).end;
  const keyEnd = nodeSpan(last.key, end).end;
  return isEmpty(last.value) ? keyEnd : nodeSpan(last.value, keyEnd).end;
}

/** `key: value` from the key's start to the value's end. */
export function pairSpan(pair: YamlPair, keyStart: number): Span {
  const keyEnd = nodeSpan(pair.key, keyStart).end;
  return { start: keyStart, end: Math.max(keyEnd, nodeSpan(pair.value, keyEnd).end) };
}

/** No value at all: `key:` with nothing after it. */
export function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.type === 'PLAIN' && node.source === '');
}

export function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias (aliases are not supported)';
  if (isEmpty(node)) return 'nothing';
  return 'a value';
}

/** Records an error; spans are kept inside the text (the yaml package may point one past its end). */
export function report(ctx: YamlContext, code: string, message: string, span: Span): void {
  const end = ctx.text.length;
  const start = Math.min(Math.max(0, span.start), end);
  ctx.errors.push({ code, message, span: { start, end: Math.min(Math.max(start, span.end), end) } });
}

export function wrongType(ctx: YamlContext, node: unknown, expected: string, where: string, fallback: number): void {
  report(ctx, 'yaml-wrong-type', `expected ${expected} ${where}, found ${describe(node)}`, nodeSpan(node, fallback));
}

/** The key of a pair as a name; a non-text key (`? [a, b]`) is reported and skipped. */
export function keyOf(ctx: YamlContext, pair: YamlPair, fallback: number): { name: string; span: Span } | undefined {
  if (isScalar(pair.key) && !isEmpty(pair.key))
    return { name: String(pair.key.value), span: nodeSpan(pair.key, fallback) };
  report(ctx, 'yaml-wrong-type', 'expected a name as the key', nodeSpan(pair.key, fallback));
  return undefined;
}

/** A mapping's pairs; `key:` with nothing is an empty mapping; anything else is reported. */
export function mapPairs(ctx: YamlContext, node: unknown, where: string, fallback: number): YamlPair[] {
  if (isMap(node)) return (node as YAMLMap<unknown, unknown>).items;
  if (!isEmpty(node)) wrongType(ctx, node, 'a mapping (key: value lines)', where, fallback);
  return [];
}

/** A text value, or undefined (reported) when the node is a mapping, list or alias. */
export function scalarOf(ctx: YamlContext, node: unknown, where: string, fallback: number): Scalar | undefined {
  if (isScalar(node)) return node;
  wrongType(ctx, node, 'a text value', where, fallback);
  return undefined;
}

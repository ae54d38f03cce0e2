import { isMap, isScalar, isSeq } from 'yaml';
import type { Block, Connector, ConnectorItem, Setting } from '../model/model';
import type { Span } from '../text/span';
import {
  isEmpty,
  keyOf,
  mapPairs,
  nodeSpan,
  pairSpan,
  report,
  scalarOf,
  wrongType,
  type YamlContext,
  type YamlPair,
} from './yaml-nodes';
import { readExpression, readValue } from './yaml-values';
import { recordExtent } from './yaml-comments';
import { TYPE_KEY } from './value-keys';

type Key = { name: string; span: Span };

/** One entry under `connectors:` → a connector whose items follow the YAML keys in order. */
export function readConnector(ctx: YamlContext, pair: YamlPair): Connector | undefined {
  const name = keyOf(ctx, pair, 0);
  if (!name) return undefined;
  const items: ConnectorItem[] = [];
  for (const item of mapPairs(ctx, pair.value, `under connector '${name.name}'`, name.span.end)) {
    const key = keyOf(ctx, item, name.span.end);
    if (key) items.push(...readItem(ctx, item, key));
  }
  const connector: Connector = {
    name: name.name,
    nameSpan: name.span,
    span: pairSpan(pair, name.span.start),
    items,
    leading: [],
    dangling: [],
  };
  recordExtent(ctx, connector, name.span, pair.value);
  return connector;
}

function readItem(ctx: YamlContext, pair: YamlPair, key: Key): ConnectorItem[] {
  const span = pairSpan(pair, key.span.start);
  switch (key.name) {
    case 'source':
    case 'target':
      return [readBlock(ctx, key.name, pair, key)];
    case 'match':
      return readPairs(ctx, pair.value, "under 'match'", key.span.end).map(({ pair: p, key: field }) => ({
        kind: 'match' as const,
        field: field.name,
        fieldSpan: field.span,
        expr: readExpression(ctx, p.value, `for match '${field.name}'`, field.span.end),
        span: pairSpan(p, field.span.start),
        leading: [],
      }));
    case 'schedule':
      return readSchedule(ctx, pair, key, span);
    case 'map':
      return readMappings(ctx, pair, key);
    case 'users':
      return readUsers(ctx, pair, key);
    default:
      return [
        {
          kind: 'option',
          key: key.name,
          keySpan: key.span,
          value: readValue(ctx, key.name, pair.value, key.span.end),
          span,
          leading: [],
        },
      ];
  }
}

/** A mapping's entries with their keys read (entries with unreadable keys are reported and dropped). */
function readPairs(ctx: YamlContext, node: unknown, where: string, fallback: number): { pair: YamlPair; key: Key }[] {
  return mapPairs(ctx, node, where, fallback).flatMap((pair) => {
    const key = keyOf(ctx, pair, fallback);
    return key ? [{ pair, key }] : [];
  });
}

function readBlock(ctx: YamlContext, role: 'source' | 'target', pair: YamlPair, roleKey: Key): Block {
  let type: { value: string; span: Span } | undefined;
  const settings: Setting[] = [];
  for (const { pair: p, key } of readPairs(ctx, pair.value, `under '${role}'`, roleKey.span.end)) {
    if (key.name !== TYPE_KEY) {
      const value = readValue(ctx, key.name, p.value, key.span.end);
      settings.push({ key: key.name, keySpan: key.span, value, span: pairSpan(p, key.span.start), leading: [] });
      continue;
    }
    const scalar = scalarOf(ctx, p.value, `for '${TYPE_KEY}'`, key.span.end);
    if (type) report(ctx, 'yaml-duplicate-key', `'${TYPE_KEY}' is given twice under '${role}'`, key.span);
    else if (scalar && !isEmpty(scalar)) type = { value: String(scalar.value), span: nodeSpan(scalar, key.span.end) };
  }
  // a value of the wrong shape is reported as such; a missing type only where a mapping (or nothing) stands
  if (!type && (isMap(pair.value) || isEmpty(pair.value))) {
    const choices = role === 'source' ? 'azure, okta or google' : 'jira or confluence';
    report(ctx, 'yaml-missing-type', `'${role}' needs a 'type' (${choices})`, roleKey.span);
  }
  const block: Block = {
    kind: 'block',
    role,
    type: type?.value ?? '',
    typeSpan: type?.span ?? { start: roleKey.span.end, end: roleKey.span.end },
    settings,
    span: pairSpan(pair, roleKey.span.start),
    leading: [],
    dangling: [],
  };
  recordExtent(ctx, block, roleKey.span, pair.value);
  return block;
}

function readSchedule(ctx: YamlContext, pair: YamlPair, key: Key, span: Span): ConnectorItem[] {
  if (isEmpty(pair.value)) {
    report(ctx, 'missing-value', "expected a cron expression for 'schedule', found nothing", key.span);
    return [];
  }
  const scalar = scalarOf(ctx, pair.value, "for 'schedule'", key.span.end);
  if (!scalar) return [];
  return [
    { kind: 'schedule', cron: String(scalar.value), cronSpan: nodeSpan(scalar, key.span.end), span, leading: [] },
  ];
}

function readMappings(ctx: YamlContext, pair: YamlPair, mapKey: Key): ConnectorItem[] {
  return readPairs(ctx, pair.value, "under 'map'", mapKey.span.end).flatMap(({ pair: t, key: target }) =>
    readPairs(ctx, t.value, `under 'map: ${target.name}'`, target.span.end).map(({ pair: m, key }) => ({
      kind: 'mapping' as const,
      target: target.name,
      targetSpan: target.span,
      key: key.name,
      keySpan: key.span,
      expr: readExpression(ctx, m.value, `for '${key.name}'`, key.span.end),
      span: pairSpan(m, key.span.start),
      leading: [],
    })),
  );
}

function readUsers(ctx: YamlContext, pair: YamlPair, key: Key): ConnectorItem[] {
  if (isEmpty(pair.value)) return [];
  if (!isSeq(pair.value)) {
    wrongType(ctx, pair.value, 'a list of logins (- alice@example.com)', "under 'users'", key.span.end);
    return [];
  }
  return pair.value.items.flatMap((node): ConnectorItem[] => {
    if (!isScalar(node) || isEmpty(node)) {
      wrongType(ctx, node, 'a login', "in 'users'", key.span.end);
      return [];
    }
    const span = nodeSpan(node, key.span.end);
    return [{ kind: 'user', login: String(node.value), loginSpan: span, span, leading: [] }];
  });
}

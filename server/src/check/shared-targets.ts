import { TARGET_TYPES, type Connector, type Document, type Expr, type Mapping } from '../model/model';
import { mappingsOf, setting, targetBlock } from '../model/query';
import { shiftSpan } from '../text/span';
import { jiraStoreOf } from './context';
import type { Reporter } from './report';

/**
 * Two connectors of one file that write the same key to the same Jira or Confluence: where both read the
 * same people, each run sets the value back to its own IdP's, and the journal fills with writes that undo
 * each other. Connectors that serve different people (employees from one IdP, contractors from another)
 * may share a key on purpose, so this is information, not a warning. A target is the same when its type,
 * its `url` (written the same, or read from the same `env()`), and for Jira its `store` are.
 */
export function checkSharedTargetKeys(connectors: readonly PlacedConnector[], out: Reporter): void {
  // Grouped by target first: on every edit of a large file this pass sees every connector, and most files
  // give each connector a target of its own, which needs no look at the map lines.
  const byTarget = new Map<string, PlacedConnector[]>();
  for (const placed of connectors) {
    const target = targetIdOf(placed.connector);
    if (target === undefined || placed.connector.name === '') continue;
    const group = byTarget.get(target);
    if (group) group.push(placed);
    else byTarget.set(target, [placed]);
  }
  for (const group of byTarget.values()) if (group.length > 1) checkGroup(group, out);
}

/** Connectors with one target, in file order. */
function checkGroup(group: readonly PlacedConnector[], out: Reporter): void {
  const first = new Map<string, { connector: Connector; mapping: Mapping; base: number }>();
  for (const { connector, base } of group) {
    for (const { mapping, key, what } of writtenKeys(connector)) {
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { connector, mapping, base });
        continue;
      }
      out.report(
        'shared-target-key',
        `connector '${earlier.connector.name}' writes ${what} to this ${targetBlock(connector)?.type ?? ''} too; ` +
          UNDO,
        shiftSpan(mapping.keySpan, base),
        {
          related: [
            {
              message: `connector '${earlier.connector.name}' writes it here`,
              span: shiftSpan(earlier.mapping.keySpan, earlier.base),
            },
          ],
        },
      );
    }
  }
}

export const UNDO = `where both connectors read the same people, each run undoes the other's`;

/** The keys a connector maps, each once (the same key twice in one connector is duplicate-mapping's). */
export function writtenKeys(connector: Connector): { mapping: Mapping; key: string; what: string }[] {
  const out: { mapping: Mapping; key: string; what: string }[] = [];
  const seen = new Set<string>();
  for (const mapping of mappingsOf(connector)) {
    if ((mapping.target !== 'property' && mapping.target !== 'profile') || mapping.key === '') continue;
    const key = `${mapping.target}\n${mapping.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const what = mapping.target === 'profile' ? `profile field ${mapping.key}` : `property '${mapping.key}'`;
    out.push({ mapping, key, what });
  }
  return out;
}

/** A connector and where its text starts in the whole text (its spans are relative to that). */
export interface PlacedConnector {
  connector: Connector;
  base: number;
}

/** The connectors of a whole document, whose spans are in its own text. */
export function placedConnectors(doc: Document): PlacedConnector[] {
  return doc.connectors.map((connector) => ({ connector, base: 0 }));
}

/** Type, url and store of the connector's target; undefined when the url cannot be told without running. */
export function targetIdOf(connector: Connector): string | undefined {
  const target = targetBlock(connector);
  if (!target || !TARGET_TYPES.some((t) => t === target.type)) return undefined;
  const url = urlId(setting(target, 'url')?.value);
  if (url === undefined) return undefined;
  return [target.type, url, target.type === 'jira' ? jiraStoreOf(target) : ''].join(' ');
}

function urlId(value: Expr | undefined): string | undefined {
  if (value?.kind === 'string') return value.value.trim().toLowerCase().replace(/\/+$/, '');
  if (value?.kind === 'call' && value.name === 'env' && value.args[0]?.kind === 'string')
    return `env:${value.args[0].value}`;
  return undefined;
}

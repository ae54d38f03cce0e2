import type { Block, Comment, Commented, Connector, ConnectorItem, Document, Mapping } from '../model/model';
import { canonicalItems, itemGroup } from './item-order';
import { isIdentifier, printExpr, quoteString } from './print-expr';

/**
 * The one canonical `.usersync` layout, printed from the model: two-space indent, one item per
 * line, settings aligned on '=' within a block, map lines aligned on '=', a blank line between
 * connectors and between item groups, comments kept where the model attached them.
 */
export function formatUsersync(doc: Document): string {
  const out: string[] = [];
  doc.connectors.forEach((connector, i) => {
    if (i > 0) out.push('');
    printConnector(connector, out);
  });
  if (doc.dangling.length > 0) {
    if (out.length > 0) out.push('');
    out.push(...doc.dangling.map((c) => commentLine(c, 0)));
  }
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

const INDENT = '  ';

function commentLine(c: Comment, depth: number): string {
  return `${INDENT.repeat(depth)}#${c.text.trimEnd()}`;
}

function withTrailing(line: string, node: Commented): string {
  return node.trailing ? `${line} #${node.trailing.text.trimEnd()}` : line;
}

function words(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** Width in characters as an editor shows them (code points), for alignment. */
function width(s: string): number {
  return [...s].length;
}

function padTo(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function printConnector(c: Connector, out: string[]): void {
  out.push(...c.leading.map((l) => commentLine(l, 0)));
  const head = words('connector', c.name, '{');
  if (c.items.length === 0 && c.dangling.length === 0) {
    out.push(withTrailing(`${head}}`, c));
    return;
  }
  out.push(head);
  const items = canonicalItems(c);
  const mapKeyWidth = Math.max(
    0,
    ...items.filter((i): i is Mapping => i.kind === 'mapping').map((m) => width(mappingHead(m))),
  );
  items.forEach((item, i) => {
    if (i > 0 && itemGroup(item) !== itemGroup(items[i - 1])) out.push('');
    out.push(...item.leading.map((l) => commentLine(l, 1)));
    if (item.kind === 'block') printBlock(item, out);
    else out.push(withTrailing(INDENT + itemLine(item, mapKeyWidth), item));
  });
  out.push(...c.dangling.map((d) => commentLine(d, 1)));
  out.push(withTrailing('}', c));
}

function mappingHead(m: Mapping): string {
  const key = m.target !== 'property' && isIdentifier(m.key) ? m.key : quoteString(m.key);
  return words('map', m.target, key);
}

function itemLine(item: Exclude<ConnectorItem, Block>, mapKeyWidth: number): string {
  switch (item.kind) {
    case 'match':
      return `${words('match', item.field)} = ${printExpr(item.expr)}`;
    case 'schedule':
      return `schedule ${quoteString(item.cron)}`;
    case 'option':
      return `${item.key} = ${printExpr(item.value)}`;
    case 'mapping':
      return `${padTo(mappingHead(item), mapKeyWidth)} = ${printExpr(item.expr)}`;
    case 'user':
      return `user ${quoteString(item.login)}`;
  }
}

function printBlock(b: Block, out: string[]): void {
  const head = words(INDENT + b.role, b.type, '{');
  if (b.settings.length === 0 && b.dangling.length === 0) {
    out.push(withTrailing(`${head}}`, b));
    return;
  }
  out.push(head);
  const keyWidth = Math.max(...b.settings.map((s) => width(s.key)), 0);
  for (const s of b.settings) {
    out.push(...s.leading.map((l) => commentLine(l, 2)));
    out.push(withTrailing(`${INDENT.repeat(2)}${padTo(s.key, keyWidth)} = ${printExpr(s.value)}`, s));
  }
  out.push(...b.dangling.map((d) => commentLine(d, 2)));
  out.push(withTrailing(`${INDENT}}`, b));
}

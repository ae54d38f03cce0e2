import type {
  Block,
  Comment,
  Commented,
  Connector,
  ConnectorItem,
  Document,
  Expr,
  Mapping,
  Match,
  PinnedUser,
} from '../model/model';
import { canonicalItems } from '../format/item-order';
import { printExpr } from '../format/print-expr';
import { EXPR_KEY, KEYWORD_VALUED_KEYS, TYPE_KEY, VALUE_FUNCTIONS } from './value-keys';
import { yamlQuoted, yamlScalar } from './yaml-scalar';

/**
 * The model as the YAML form (`*.usersync.yaml`), in the canonical item order `fmt` uses:
 *
 *   connectors:
 *     name:
 *       source: { type, settings… }   target: …   match: { field: expr }   schedule: cron
 *       <option>: value               map: { property: { key: expr }, profile: … }   users: [login]
 *
 * Comments go where the YAML reader attaches them again: leading above, trailing at the line end.
 */
export function printYaml(doc: Document): string {
  if (doc.connectors.length === 0)
    return [...doc.dangling.map((d) => comment(d, 0)), 'connectors: {}'].join('\n') + '\n';
  // the first connector's leading comments head the file, where a reader expects them
  const out: string[] = doc.connectors[0].leading.map((l) => comment(l, 0));
  out.push('connectors:');
  doc.connectors.forEach((c, i) => {
    if (i > 0) out.push('');
    printConnector(c, out, i > 0);
  });
  if (doc.dangling.length > 0) out.push('', ...doc.dangling.map((d) => comment(d, 0)));
  return out.join('\n') + '\n';
}

const pad = (depth: number): string => '  '.repeat(depth);

function comment(c: Comment, depth: number): string {
  return `${pad(depth)}#${c.text.trimEnd()}`;
}

function line(depth: number, text: string, node?: Commented): string {
  return node?.trailing ? `${pad(depth)}${text} #${node.trailing.text.trimEnd()}` : `${pad(depth)}${text}`;
}

function key(name: string): string {
  return yamlScalar(name, 'key');
}

function printConnector(c: Connector, out: string[], withLeading: boolean): void {
  if (withLeading) out.push(...c.leading.map((l) => comment(l, 1)));
  const items = canonicalItems(c);
  if (items.length === 0 && c.dangling.length === 0) {
    out.push(line(1, `${key(c.name)}: {}`, c));
    return;
  }
  // an empty connector with comments is `name:` and the comments indented under it
  out.push(line(1, `${key(c.name)}:`, c));
  for (let i = 0; i < items.length;) {
    const item = items[i];
    // runs of one kind share one YAML key: match fields, map targets, users
    let j = i + 1;
    while (j < items.length && sameRun(item, items[j])) j++;
    printRun(items.slice(i, j), out);
    i = j;
  }
  out.push(...c.dangling.map((d) => comment(d, 2)));
}

function sameRun(a: ConnectorItem, b: ConnectorItem): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'match' || a.kind === 'user' || a.kind === 'mapping';
}

function printRun(run: ConnectorItem[], out: string[]): void {
  const first = run[0];
  switch (first.kind) {
    case 'block':
      return printBlock(first, out);
    case 'match':
      out.push(line(2, 'match:'));
      for (const m of run as Match[]) {
        out.push(...m.leading.map((l) => comment(l, 3)));
        out.push(line(3, `${key(m.field)}: ${printExpr(m.expr, 'yaml')}`, m));
      }
      return;
    case 'schedule':
      out.push(...first.leading.map((l) => comment(l, 2)));
      out.push(line(2, `schedule: ${yamlQuoted(first.cron)}`, first));
      return;
    case 'option':
      out.push(...first.leading.map((l) => comment(l, 2)));
      out.push(line(2, `${key(first.key)}: ${printValue(first.key, first.value)}`, first));
      return;
    case 'mapping':
      return printMappings(run as Mapping[], out);
    case 'user':
      out.push(line(2, 'users:'));
      for (const u of run as PinnedUser[]) {
        out.push(...u.leading.map((l) => comment(l, 3)));
        out.push(line(3, `- ${yamlScalar(u.login, 'value')}`, u));
      }
  }
}

function printBlock(b: Block, out: string[]): void {
  out.push(...b.leading.map((l) => comment(l, 2)));
  out.push(line(2, `${b.role}:`, b));
  out.push(line(3, `${TYPE_KEY}: ${yamlScalar(b.type, 'value')}`));
  for (const s of b.settings) {
    out.push(...s.leading.map((l) => comment(l, 3)));
    out.push(line(3, `${key(s.key)}: ${printValue(s.key, s.value)}`, s));
  }
  out.push(...b.dangling.map((d) => comment(d, 3)));
}

function printMappings(mappings: Mapping[], out: string[]): void {
  out.push(line(2, 'map:'));
  let target: string | undefined;
  for (const m of mappings) {
    if (m.target !== target) {
      target = m.target;
      out.push(line(3, `${key(m.target)}:`));
    }
    out.push(...m.leading.map((l) => comment(l, 4)));
    out.push(line(4, `${key(m.key)}: ${printExpr(m.expr, 'yaml')}`, m));
  }
}

/** A setting or option value: text, `{ env: X }`, an expression for keyword-valued keys, else `{ expr: … }`. */
export function printValue(settingKey: string, value: Expr): string {
  if (KEYWORD_VALUED_KEYS.has(settingKey)) return printExpr(value, 'yaml');
  if (value.kind === 'string') return yamlScalar(value.value, 'value');
  if (
    value.kind === 'call' &&
    VALUE_FUNCTIONS.has(value.name) &&
    value.args.length === 1 &&
    value.args[0].kind === 'string'
  ) {
    return `{ ${value.name}: ${yamlScalar(value.args[0].value, 'flow')} }`;
  }
  return `{ ${EXPR_KEY}: ${yamlScalar(printExpr(value), 'flow')} }`;
}

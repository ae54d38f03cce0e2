import type { CstNode, IToken } from 'chevrotain';
import type { Block, Connector, ConnectorItem, Document, Setting } from '../model/model';
import type { Span } from '../text/span';
import { buildExpr } from './build-expr';
import { node, nodes, nodeSpan, token, tokenSpan, unquote } from './cst';

/**
 * Document CST → model. Every field has a value even when recovery cut the node short:
 * names default to '' with an empty span where the name should have been.
 */
export function buildDocument(cst: CstNode, text: string, uri: string): Document {
  return {
    form: 'usersync',
    uri,
    text,
    connectors: nodes(cst, 'connector').map((c) => buildConnector(c, text.length)),
    dangling: [],
  };
}

function named(t: IToken | undefined, fallback: number): { value: string; span: Span } {
  return t ? { value: t.image, span: tokenSpan(t) } : { value: '', span: { start: fallback, end: fallback } };
}

function quoted(t: IToken | undefined, fallback: number): { value: string; span: Span } {
  return t ? { value: unquote(t.image), span: tokenSpan(t) } : { value: '', span: { start: fallback, end: fallback } };
}

function buildConnector(n: CstNode, eof: number): Connector {
  const span = nodeSpan(n, eof);
  const keywordEnd = token(n, 'Connector') ? tokenSpan(token(n, 'Connector') as IToken).end : span.start;
  const name = named(token(n, 'name'), keywordEnd);
  const items = nodes(n, 'item')
    .map((i) => buildItem(i, span.end))
    .filter((i): i is ConnectorItem => i !== undefined);
  return { name: name.value, nameSpan: name.span, span, items, leading: [], dangling: [] };
}

function buildItem(n: CstNode, at: number): ConnectorItem | undefined {
  const [kind, inner] = Object.entries(n.children)[0] ?? [];
  const child = inner?.[0] && 'children' in inner[0] ? (inner[0] as CstNode) : undefined;
  if (!kind || !child) return undefined;
  const span = nodeSpan(child, at);
  const base = { span, leading: [] };
  switch (kind) {
    case 'block':
      return buildBlock(child, span);
    case 'match': {
      const field = named(token(child, 'field'), span.end);
      return {
        kind: 'match',
        ...base,
        field: field.value,
        fieldSpan: field.span,
        expr: buildExpr(node(child, 'expression'), span.end),
      };
    }
    case 'schedule': {
      const cron = quoted(token(child, 'cron'), span.end);
      return { kind: 'schedule', ...base, cron: cron.value, cronSpan: cron.span };
    }
    case 'mapping': {
      const target = named(token(child, 'target'), span.end);
      const keyTok = token(child, 'key');
      const key = keyTok?.image.startsWith('"') ? quoted(keyTok, span.end) : named(keyTok, target.span.end);
      return {
        kind: 'mapping',
        ...base,
        target: target.value,
        targetSpan: target.span,
        key: key.value,
        keySpan: key.span,
        expr: buildExpr(node(child, 'expression'), span.end),
      };
    }
    case 'user': {
      const login = quoted(token(child, 'login'), span.end);
      return { kind: 'user', ...base, login: login.value, loginSpan: login.span };
    }
    case 'option': {
      const s = buildSetting(child, at);
      return { kind: 'option', ...base, key: s.key, keySpan: s.keySpan, value: s.value };
    }
    default:
      return undefined;
  }
}

function buildBlock(n: CstNode, span: Span): Block {
  const roleTok = token(n, 'role');
  const type = named(token(n, 'type'), roleTok ? tokenSpan(roleTok).end : span.start);
  return {
    kind: 'block',
    role: roleTok?.image === 'target' ? 'target' : 'source',
    type: type.value,
    typeSpan: type.span,
    settings: nodes(n, 'setting').map((s) => buildSetting(s, span.end)),
    span,
    leading: [],
    dangling: [],
  };
}

function buildSetting(n: CstNode, at: number): Setting {
  const span = nodeSpan(n, at);
  const key = named(token(n, 'key'), span.start);
  return { key: key.value, keySpan: key.span, value: buildExpr(node(n, 'expression'), span.end), span, leading: [] };
}

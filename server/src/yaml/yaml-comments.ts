import type { IToken } from 'chevrotain';
import { isCollection, type CST } from 'yaml';
import type { Commented, Document } from '../model/model';
import { attachComments } from '../syntax/comments';
import type { Span } from '../text/span';
import { isEmpty, nodeSpan, type YamlContext } from './yaml-nodes';

type CommentToken = { image: string; startOffset: number };

/**
 * Comments of the YAML form, with their offsets, taken from the `yaml` package's concrete syntax
 * tree (its composed nodes keep comment text but not where it stood). A comment on the line where
 * a node starts trails that node (`source:  # note`, `tenant: x  # note`); the rest are attached
 * by the same rule as in `.usersync`: a comment on the line where a node ends trails it, other
 * comments lead the next node in their container or dangle at its end.
 */
export function attachYamlComments(doc: Document, tokens: CST.Token[], extents: Map<object, number>): void {
  const comments: CommentToken[] = [];
  collect(tokens, comments);
  comments.sort((a, b) => a.startOffset - b.startOffset);
  const owners: Owner[] = [];
  for (const c of doc.connectors) {
    owners.push(c);
    for (const i of c.items) owners.push(i, ...(i.kind === 'block' ? i.settings : []));
  }
  const byStart = new OwnersByStart(owners);
  const rest = comments.filter((t) => !onKeyLine(doc.text, byStart, t));
  // containers reach over the comment lines indented under them while comments are placed
  const tight = owners.map((o) => o.span);
  for (const o of owners) o.span = { start: o.span.start, end: Math.max(o.span.end, extents.get(o) ?? 0) };
  try {
    // attachComments reads only `image` and `startOffset` of each token
    attachComments(doc, rest as IToken[]);
  } finally {
    owners.forEach((o, i) => (o.span = tight[i]));
  }
}

function onKeyLine(text: string, owners: OwnersByStart, t: CommentToken): boolean {
  const owner = owners.firstUntrailed(lineStartOf(text, t.startOffset), t.startOffset);
  if (owner)
    owner.trailing = { text: t.image.slice(1), span: { start: t.startOffset, end: t.startOffset + t.image.length } };
  return owner !== undefined;
}

/**
 * Where the line holding `offset` starts, after a \n or a \r. A walk back over the line itself:
 * `lastIndexOf('\r')` in a text without one scans back to its start, for every comment.
 */
function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

type Owner = Commented & { span: Span };

/**
 * The owners in the order of their starts, for finding the first one without a trailing comment that
 * starts in [from, to): a binary search, then the few owners on that line. A scan of every owner per
 * comment took 330 ms for a 12,000-line file (1,800 comments, 10,000 owners).
 */
class OwnersByStart {
  private readonly sorted: Owner[];

  constructor(owners: Owner[]) {
    this.sorted = [...owners].sort((a, b) => a.span.start - b.span.start); // stable: ties keep their order
  }

  firstUntrailed(from: number, to: number): Owner | undefined {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid].span.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i].span.start < to; i++) {
      if (!this.sorted[i].trailing) return this.sorted[i];
    }
    return undefined;
  }
}

function collect(node: unknown, out: CommentToken[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const token = node as { type?: unknown; offset?: unknown; source?: unknown };
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    out.push({ image: token.source, startOffset: token.offset });
    return;
  }
  for (const value of Object.values(node)) collect(value, out);
}

/**
 * Records where a block-style value ends for comment placement: the line of its last entry, plus
 * the comment lines that follow indented at least as deep as its entries (a shallower comment
 * belongs to what comes next). An empty value takes in the comment lines indented under its key.
 */
export function recordExtent(ctx: YamlContext, owner: object, key: Span, value: unknown): void {
  const text = ctx.text;
  const columnOf = (offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  let column: number;
  let last: number;
  if (isEmpty(value)) {
    column = columnOf(key.start) + 1;
    last = key.end;
  } else if (isCollection(value) && !value.flow && value.range) {
    column = columnOf(value.range[0]);
    last = nodeSpan(value, value.range[0]).end;
  } else return;
  // the comment at the end of the last entry's line is inside too (one on an empty value's key line trails it)
  const lastLineEnd = text.indexOf('\n', last);
  let end = isEmpty(value) ? last : (lastLineEnd < 0 ? text : text.slice(0, lastLineEnd)).trimEnd().length;
  const lines = /[^\n]*\n?/y;
  lines.lastIndex = lastLineEnd < 0 ? text.length : lastLineEnd + 1;
  for (let m = lines.exec(text); m && m[0] !== ''; m = lines.exec(text)) {
    const indent = /^[ \t]*/.exec(m[0])![0].length;
    if (m[0].trim() === '') continue;
    if (m[0][indent] !== '#' || indent < column) break;
    end = m.index + m[0].trimEnd().length;
  }
  ctx.extents.set(owner, end);
}

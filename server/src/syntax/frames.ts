import type { IToken } from 'chevrotain';
import type {
  Block,
  CallExpr,
  Connector,
  ConnectorItem,
  Expr,
  IndexAccess,
  Mapping,
  Match,
  Option,
  PathExpr,
  PathSegment,
  PinnedUser,
  Schedule,
  SelectorAccess,
  Setting,
} from '../model/model';
import type { Span } from '../text/span';
import { RecoveringParser } from './recovery';

/** What a frame holds; decides how the frame's node is finished and what it does with its children. */
export enum Kind {
  Document,
  Connector,
  Block,
  Setting,
  Option,
  Match,
  Schedule,
  Mapping,
  User,
  Call,
  Path,
  Member,
  Access,
}

/**
 * Marks a span or expression not read yet; `finish` replaces every one of them. Compared by identity.
 * Its offsets are small integers on purpose: one span holding NaN would make V8 store the offsets of
 * every span as boxed doubles (about 1.4 MB more for a 500 KB file; docs/benchmarks-history.md).
 */
export const UNSET: Span = Object.freeze({ start: -1, end: -1 });
export const UNSET_EXPR: Expr = Object.freeze({ kind: 'missing', span: UNSET }) as Expr;

/**
 * The model-building half of the parser. Each rule that makes a node opens a frame holding the
 * node, fills the node in as it reads, and closes the frame, which sets the node's span (first
 * real token start to last real token end) and places whatever recovery left out.
 *
 * Recovery: a rule cut short by an error never closes its frame, and a rule re-synced by recovery
 * returns its recoveryValueFunc value (undefined). The caller then calls `settle`, which finishes
 * the half-built nodes still open above it and hands each one to the frame below, so a half-read
 * node lands where a whole one would.
 *
 * Tokens inserted by recovery have NaN offsets and an empty image: `take` treats them as absent.
 * During Chevrotain's grammar recording every helper here does nothing.
 */
export abstract class FrameParser extends RecoveringParser {
  private readonly kinds: Kind[] = [];
  private readonly nodes: unknown[] = [];
  /** Count of real tokens read when the frame opened. */
  private readonly firsts: number[] = [];
  private top = 0;
  /** Start offset of every real token read, in order. */
  private readonly starts: number[] = [];
  private count = 0;
  private lastEnd = 0;
  /** Where a node that read no token at all stands (end of the text). */
  private eof = 0;

  protected startFrames(tokens: IToken[], eof: number): void {
    this.input = tokens;
    this.top = 0;
    this.count = 0;
    this.eof = eof;
  }

  /** Records a consumed token; false when it was inserted by recovery (or while recording). */
  protected take(t: IToken): boolean {
    const start = t.startOffset;
    if (this.RECORDING_PHASE || Number.isNaN(start)) return false;
    this.starts[this.count++] = start;
    this.lastEnd = start + t.image.length;
    return true;
  }

  /** Index of the frame of the rule running now (-1 while recording). */
  protected current(): number {
    return this.top - 1;
  }

  protected kindAt(f: number): Kind | undefined {
    return this.kinds[f];
  }

  protected nodeAt(f: number): unknown {
    return this.nodes[f];
  }

  protected setNode(f: number, node: unknown): void {
    if (f >= 0) this.nodes[f] = node;
  }

  protected open(kind: Kind, node: unknown): number {
    if (this.RECORDING_PHASE) return -1;
    const f = this.top++;
    this.kinds[f] = kind;
    this.nodes[f] = node;
    this.firsts[f] = this.count;
    return f;
  }

  protected close<N>(f: number): N {
    if (f < 0) return undefined as N;
    this.top = f;
    return this.finish(f) as N;
  }

  /** After a SUBRULE called by the rule of frame `f`: hands its result (or its half-built nodes) to `f`. */
  protected settle(f: number, value: unknown): void {
    if (f < 0) return;
    if (this.top === f + 1) return this.attach(f, value);
    for (let i = this.top - 1; i > f; i--) this.attach(i - 1, this.finish(i));
    this.top = f + 1;
  }

  /** The result of the entry rule, finishing what recovery left open. */
  protected drain(value: unknown): unknown {
    let result = value;
    if (this.top > 0) {
      for (let i = this.top - 1; i > 0; i--) this.attach(i - 1, this.finish(i));
      result = this.finish(0);
    }
    this.top = 0;
    this.nodes.length = 0; // the parser outlives the model: hold none of it
    return result;
  }

  /**
   * Starts an argument of the call of frame `f`: takes the comma Chevrotain consumed before every
   * argument but the first, and holds the argument's place in case recovery cuts it short.
   */
  protected openArgument(f: number): void {
    if (f < 0) return;
    const args = (this.nodes[f] as CallExpr).args;
    if (args.length > 0) this.take(this.LA(0));
    args.push(UNSET_EXPR);
  }

  private attach(f: number, child: unknown): void {
    const node = this.nodes[f];
    switch (this.kinds[f]) {
      case Kind.Document:
        if (child) (node as Connector[]).push(child as Connector);
        return;
      case Kind.Connector:
        if (child) (node as Connector).items.push(child as ConnectorItem);
        return;
      case Kind.Block:
        if (child) (node as Block).settings.push(child as Setting);
        return;
      case Kind.Setting:
      case Kind.Option:
        if (child) (node as Setting).value = child as Expr;
        return;
      case Kind.Match:
      case Kind.Mapping:
        if (child) (node as Match).expr = child as Expr;
        return;
      case Kind.Call:
        if (child) (node as CallExpr).args[(node as CallExpr).args.length - 1] = child as Expr;
        return;
      case Kind.Path: {
        if (!child) return;
        const segments = (node as PathExpr).segments;
        if (!('kind' in (child as object))) segments.push(child as PathSegment);
        else if (segments.length > 0) segments[segments.length - 1].access = child as IndexAccess | SelectorAccess;
        return;
      }
    }
  }

  private finish(f: number): unknown {
    const node = this.nodes[f];
    const located = this.count > this.firsts[f];
    const start = located ? this.starts[this.firsts[f]] : this.eof;
    const end = located ? this.lastEnd : this.eof;
    switch (this.kinds[f]) {
      case Kind.Connector: {
        const c = node as Connector;
        c.span = { start, end };
        if (c.nameSpan === UNSET) c.nameSpan = { start, end: start };
        c.items = exact(c.items);
        break;
      }
      case Kind.Block: {
        const b = node as Block;
        b.span = { start, end };
        if (b.typeSpan === UNSET) b.typeSpan = { start, end: start };
        b.settings = exact(b.settings);
        break;
      }
      case Kind.Setting:
      case Kind.Option: {
        const s = node as Setting | Option;
        s.span = { start, end };
        if (s.keySpan === UNSET) s.keySpan = { start, end: start };
        if (s.value === UNSET_EXPR) s.value = missing(end);
        break;
      }
      case Kind.Match: {
        const m = node as Match;
        m.span = { start, end };
        if (m.fieldSpan === UNSET) m.fieldSpan = { start: end, end };
        if (m.expr === UNSET_EXPR) m.expr = missing(end);
        break;
      }
      case Kind.Schedule: {
        const s = node as Schedule;
        s.span = { start, end };
        if (s.cronSpan === UNSET) s.cronSpan = { start: end, end };
        break;
      }
      case Kind.User: {
        const u = node as PinnedUser;
        u.span = { start, end };
        if (u.loginSpan === UNSET) u.loginSpan = { start: end, end };
        break;
      }
      case Kind.Mapping: {
        const m = node as Mapping;
        m.span = { start, end };
        if (m.targetSpan === UNSET) m.targetSpan = { start: end, end };
        if (m.keySpan === UNSET) m.keySpan = { start: m.targetSpan.end, end: m.targetSpan.end };
        if (m.expr === UNSET_EXPR) m.expr = missing(end);
        break;
      }
      case Kind.Call: {
        const c = node as CallExpr;
        c.span = { start, end };
        if (c.nameSpan === UNSET) c.nameSpan = { start, end: start };
        for (let i = 0; i < c.args.length; i++) if (c.args[i] === UNSET_EXPR) c.args[i] = missing(end);
        c.args = exact(c.args);
        break;
      }
      case Kind.Path:
        (node as PathExpr).span = { start, end };
        (node as PathExpr).segments = exact((node as PathExpr).segments);
        break;
      case Kind.Member:
        if ((node as PathSegment).span === UNSET) (node as PathSegment).span = { start: end, end };
        break;
      case Kind.Access:
        if (node) (node as IndexAccess).span = { start, end };
        break;
    }
    return node;
  }
}

/**
 * The array with no spare room. An array grown by push keeps room for 17 elements, so a path's two
 * segments would hold 152 bytes instead of 32; a model keeps thousands of such arrays.
 */
function exact<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

function missing(at: number): Expr {
  return { kind: 'missing', span: { start: at, end: at } };
}

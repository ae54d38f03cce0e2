import type { IToken } from 'chevrotain';
import type { CallExpr, Expr, IndexAccess, PathExpr, PathSegment, SelectorAccess } from '../model/model';
import { tokenSpan, unquote } from './cst';
import { FrameParser, Kind, UNSET } from './frames';
import * as T from './tokens';

/**
 * The expression rules of the grammar (see parser.ts), building Expr nodes as they read.
 * Alternatives and loop bodies are made once per parser, not once per call.
 */
export abstract class ExpressionParser extends FrameParser {
  private dot: IToken | undefined;

  public expression = this.RULE('expression', (): Expr | undefined => this.OR(this.expressionAlts));

  // A call before a path: Chevrotain's LL(2) lookahead tells `name(` from `name` without a GATE (an
  // alternative with a GATE makes every OR of that rule allocate an array of the gates per call).
  private expressionAlts = [
    { ALT: () => this.stringExpr(this.CONSUME(T.StringLiteral)) },
    { ALT: () => this.SUBRULE(this.call) },
    { ALT: () => this.SUBRULE(this.path) },
  ];

  // Paths and calls start with a plain identifier, never an item keyword: a value left out
  // before `user "x"` must not swallow the next item.
  private call = this.RULE('call', () => {
    const node: CallExpr = { kind: 'call', name: '', nameSpan: UNSET, args: [], span: UNSET };
    const f = this.open(Kind.Call, node);
    const name = this.CONSUME(T.Identifier);
    if (this.take(name)) {
      node.name = name.image;
      node.nameSpan = tokenSpan(name);
    }
    this.take(this.CONSUME(T.LParen));
    this.MANY_SEP(this.args);
    this.take(this.CONSUME(T.RParen));
    return this.close<CallExpr>(f);
  });

  private args = {
    SEP: T.Comma,
    DEF: () => {
      const f = this.current();
      this.openArgument(f);
      this.settle(f, this.SUBRULE(this.expression));
    },
  };

  private path = this.RULE('path', () => {
    const node: PathExpr = { kind: 'path', segments: [], span: UNSET };
    const f = this.open(Kind.Path, node);
    const head = this.CONSUME(T.Identifier);
    if (this.take(head)) node.segments.push({ name: head.image, span: tokenSpan(head) });
    this.MANY(this.pathStep);
    return this.close<PathExpr>(f);
  });

  private pathStep = () => this.settle(this.current(), this.OR(this.pathStepAlts));

  private pathStepAlts = [{ ALT: () => this.SUBRULE(this.member) }, { ALT: () => this.SUBRULE(this.access) }];

  // After a dot, an item keyword is a member name only on the dot's line (`profile.source`): typed
  // `manager.` above `user "x"` stays two items.
  private member = this.RULE('member', () => {
    const node: PathSegment = { name: '', span: UNSET };
    const f = this.open(Kind.Member, node);
    this.dot = this.CONSUME(T.Dot);
    this.take(this.dot);
    const name = this.OR(this.memberAlts);
    if (this.take(name)) {
      node.name = name.image;
      node.span = tokenSpan(name);
    }
    return this.close<PathSegment>(f);
  });

  private memberAlts = [
    { ALT: () => this.CONSUME(T.Identifier) },
    { GATE: () => this.LA(1).startLine === this.dot?.startLine, ALT: () => this.CONSUME(T.Name) },
  ];

  private access = this.RULE('access', () => {
    const f = this.open(Kind.Access, undefined);
    this.take(this.CONSUME(T.LBracket));
    this.OR(this.accessAlts);
    this.take(this.CONSUME(T.RBracket));
    return this.close<IndexAccess | SelectorAccess | undefined>(f);
  });

  private accessAlts = [
    {
      ALT: () => {
        const index = this.CONSUME(T.Integer);
        if (this.take(index)) this.setNode(this.current(), { kind: 'index', index: Number(index.image), span: UNSET });
      },
    },
    {
      ALT: () => {
        const key = this.CONSUME(T.Name);
        if (this.take(key)) this.setNode(this.current(), { kind: 'selector', key: key.image, value: '', span: UNSET });
        this.take(this.CONSUME(T.Equals));
        const value = this.OR2(this.selectorValueAlts);
        const selector = this.nodeAt(this.current()) as SelectorAccess | undefined;
        if (this.take(value) && selector)
          selector.value = value.image.startsWith('"') ? unquote(value.image) : value.image;
      },
    },
  ];

  private selectorValueAlts = [
    { ALT: () => this.CONSUME2(T.Name) },
    { ALT: () => this.CONSUME(T.StringLiteral) },
    { ALT: () => this.CONSUME2(T.Integer) },
  ];

  private stringExpr(t: IToken): Expr | undefined {
    return this.take(t) ? { kind: 'string', value: unquote(t.image), span: tokenSpan(t) } : undefined;
  }
}

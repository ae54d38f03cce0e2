import type { IToken } from 'chevrotain';
import type {
  Block,
  Connector,
  ConnectorItem,
  Expr,
  Mapping,
  Match,
  Option,
  PinnedUser,
  Schedule,
  Setting,
} from '../model/model';
import { tokenSpan, unquote } from './cst';
import { ExpressionParser } from './expression-rules';
import { Kind, UNSET, UNSET_EXPR } from './frames';
import * as T from './tokens';

/**
 * The `.usersync` grammar as a Chevrotain parser with error recovery on, whose actions build the model.
 *
 *   document   := connector*
 *   connector  := 'connector' Name? '{' item* '}'
 *   item       := block | match | schedule | mapping | user | option
 *   block      := ('source' | 'target') Name '{' setting* '}'
 *   setting    := Name '=' expression
 *   match      := 'match' Name '=' expression
 *   schedule   := 'schedule' String
 *   mapping    := 'map' Name (String | Name) '=' expression
 *   user       := 'user' String
 *   option     := Name '=' expression
 *   expression := String | Identifier '(' args? ')' | path
 *   path       := Identifier ('.' Identifier | '[' (Integer | Name '=' (Name | String | Integer)) ']')*
 *
 * `map` takes any name as its target (property, profile) so that a wrong word gets a
 * precise check message instead of a generic syntax error.
 *
 * Every node is whole even when recovery cut it short: names default to '' with an empty span
 * where the name should have been, a hole in an expression is a `missing` expression (frames.ts).
 */
class UsersyncParser extends ExpressionParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', () => {
    const f = this.open(Kind.Document, [] as Connector[]);
    this.MANY(this.connectors);
    return this.close<Connector[]>(f);
  });

  private connectors = () => this.settle(this.current(), this.SUBRULE(this.connector));

  private connector = this.RULE('connector', () => {
    const node: Connector = { name: '', nameSpan: UNSET, span: UNSET, items: [], leading: [], dangling: [] };
    const f = this.open(Kind.Connector, node);
    const keyword = this.CONSUME(T.Connector);
    if (this.take(keyword)) node.nameSpan = after(keyword);
    const name = this.OPTION(this.connectorName);
    if (name && this.take(name)) {
      node.name = name.image;
      node.nameSpan = tokenSpan(name);
    }
    this.take(this.CONSUME(T.LCurly));
    this.MANY(this.items);
    this.take(this.CONSUME(T.RCurly));
    return this.close<Connector>(f);
  });

  private connectorName = () => this.CONSUME(T.Name);

  private items = () => this.settle(this.current(), this.SUBRULE(this.item));

  /** No node of its own: the item is the node of the alternative taken. */
  private item = this.RULE('item', (): ConnectorItem | undefined => this.OR(this.itemAlts));

  private itemAlts = [
    { ALT: () => this.SUBRULE(this.block) },
    { ALT: () => this.SUBRULE(this.match) },
    { ALT: () => this.SUBRULE(this.schedule) },
    { ALT: () => this.SUBRULE(this.mapping) },
    { ALT: () => this.SUBRULE(this.user) },
    { ALT: (): ConnectorItem => this.SUBRULE(this.setting) as Option },
  ];

  private block = this.RULE('block', () => {
    const node: Block = {
      kind: 'block',
      role: 'source',
      type: '',
      typeSpan: UNSET,
      settings: [],
      span: UNSET,
      leading: [],
      dangling: [],
    };
    const f = this.open(Kind.Block, node);
    const role = this.OR(this.roleAlts);
    if (this.take(role)) {
      if (role.image === 'target') node.role = 'target';
      node.typeSpan = after(role);
    }
    const type = this.CONSUME(T.Name);
    if (this.take(type)) {
      node.type = type.image;
      node.typeSpan = tokenSpan(type);
    }
    this.take(this.CONSUME(T.LCurly));
    this.MANY(this.settings);
    this.take(this.CONSUME(T.RCurly));
    return this.close<Block>(f);
  });

  private roleAlts = [{ ALT: () => this.CONSUME(T.Source) }, { ALT: () => this.CONSUME(T.Target) }];

  private settings = () => this.settle(this.current(), this.SUBRULE(this.setting));

  /** A setting in a block, or an option when it stands in a connector. */
  private setting = this.RULE('setting', () => {
    const option = this.kindAt(this.current()) === Kind.Connector;
    const node: Setting | Option = option
      ? { kind: 'option', span: UNSET, leading: [], key: '', keySpan: UNSET, value: UNSET_EXPR }
      : { key: '', keySpan: UNSET, value: UNSET_EXPR, span: UNSET, leading: [] };
    const f = this.open(option ? Kind.Option : Kind.Setting, node);
    const key = this.CONSUME(T.Name);
    if (this.take(key)) {
      node.key = key.image;
      node.keySpan = tokenSpan(key);
    }
    this.take(this.CONSUME(T.Equals));
    this.settle(f, this.SUBRULE(this.expression));
    return this.close<Setting | Option>(f);
  });

  private match = this.RULE('match', () => {
    const node: Match = { kind: 'match', span: UNSET, leading: [], field: '', fieldSpan: UNSET, expr: UNSET_EXPR };
    const f = this.open(Kind.Match, node);
    this.take(this.CONSUME(T.Match));
    const field = this.CONSUME(T.Name);
    if (this.take(field)) {
      node.field = field.image;
      node.fieldSpan = tokenSpan(field);
    }
    this.take(this.CONSUME(T.Equals));
    this.settle(f, this.SUBRULE(this.expression));
    return this.close<Match>(f);
  });

  private schedule = this.RULE('schedule', () => {
    const node: Schedule = { kind: 'schedule', span: UNSET, leading: [], cron: '', cronSpan: UNSET };
    const f = this.open(Kind.Schedule, node);
    this.take(this.CONSUME(T.Schedule));
    const cron = this.CONSUME(T.StringLiteral);
    if (this.take(cron)) {
      node.cron = unquote(cron.image);
      node.cronSpan = tokenSpan(cron);
    }
    return this.close<Schedule>(f);
  });

  private mapping = this.RULE('mapping', () => {
    const node: Mapping = {
      kind: 'mapping',
      span: UNSET,
      leading: [],
      target: '',
      targetSpan: UNSET,
      key: '',
      keySpan: UNSET,
      expr: UNSET_EXPR,
    };
    const f = this.open(Kind.Mapping, node);
    this.take(this.CONSUME(T.Map));
    const target = this.CONSUME(T.Name);
    if (this.take(target)) {
      node.target = target.image;
      node.targetSpan = tokenSpan(target);
    }
    const key = this.OR(this.mappingKeyAlts);
    if (this.take(key)) {
      node.key = key.tokenType === T.StringLiteral ? unquote(key.image) : key.image;
      node.keySpan = tokenSpan(key);
    }
    this.take(this.CONSUME(T.Equals));
    this.settle(f, this.SUBRULE(this.expression));
    return this.close<Mapping>(f);
  });

  private mappingKeyAlts = [{ ALT: () => this.CONSUME(T.StringLiteral) }, { ALT: () => this.CONSUME2(T.Name) }];

  private user = this.RULE('user', () => {
    const node: PinnedUser = { kind: 'user', span: UNSET, leading: [], login: '', loginSpan: UNSET };
    const f = this.open(Kind.User, node);
    this.take(this.CONSUME(T.User));
    const login = this.CONSUME(T.StringLiteral);
    if (this.take(login)) {
      node.login = unquote(login.image);
      node.loginSpan = tokenSpan(login);
    }
    return this.close<PinnedUser>(f);
  });

  /**
   * Parses tokens with one rule; the instance is reused, so input and errors are reset each time.
   * `eof` is the offset just past the text, where a node that read nothing is placed.
   */
  parseWith(tokens: IToken[], rule: 'document', eof: number): Connector[];
  parseWith(tokens: IToken[], rule: 'expression', eof: number): Expr;
  parseWith(tokens: IToken[], rule: 'document' | 'expression', eof: number): Connector[] | Expr {
    return this.runParse(() => this.parseRule(tokens, rule, eof));
  }

  private parseRule(tokens: IToken[], rule: 'document' | 'expression', eof: number): Connector[] | Expr {
    this.startFrames(tokens, eof);
    if (rule === 'document') return this.drain(this.document()) as Connector[];
    const expr = this.drain(this.expression()) as Expr | undefined;
    return expr ?? { kind: 'missing', span: { start: eof, end: eof } };
  }
}

/** An empty span just after a token: where the name that should follow it is placed. */
function after(t: IToken) {
  const end = t.startOffset + t.image.length;
  return { start: end, end };
}

/** The one parser instance of the process (Chevrotain parsers are built once and reused). */
export const parser = new UsersyncParser();

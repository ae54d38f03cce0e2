import { CstParser, type CstNode, type IToken } from 'chevrotain';
import * as T from './tokens';
import { errorMessageProvider } from './error-messages';

/**
 * The `.usersync` grammar as a Chevrotain CST parser with error recovery on.
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
 */
class UsersyncParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider,
    });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', () => {
    this.MANY(() => this.SUBRULE(this.connector));
  });

  private connector = this.RULE('connector', () => {
    this.CONSUME(T.Connector);
    this.OPTION(() => this.CONSUME(T.Name, { LABEL: 'name' }));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.item));
    this.CONSUME(T.RCurly);
  });

  private item = this.RULE('item', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.match) },
      { ALT: () => this.SUBRULE(this.schedule) },
      { ALT: () => this.SUBRULE(this.mapping) },
      { ALT: () => this.SUBRULE(this.user) },
      { ALT: () => this.SUBRULE(this.setting, { LABEL: 'option' }) },
    ]);
  });

  private block = this.RULE('block', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Source, { LABEL: 'role' }) },
      { ALT: () => this.CONSUME(T.Target, { LABEL: 'role' }) },
    ]);
    this.CONSUME(T.Name, { LABEL: 'type' });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.setting));
    this.CONSUME(T.RCurly);
  });

  private setting = this.RULE('setting', () => {
    this.CONSUME(T.Name, { LABEL: 'key' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  private match = this.RULE('match', () => {
    this.CONSUME(T.Match);
    this.CONSUME(T.Name, { LABEL: 'field' });
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  private schedule = this.RULE('schedule', () => {
    this.CONSUME(T.Schedule);
    this.CONSUME(T.StringLiteral, { LABEL: 'cron' });
  });

  private mapping = this.RULE('mapping', () => {
    this.CONSUME(T.Map);
    this.CONSUME(T.Name, { LABEL: 'target' });
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'key' }) },
      { ALT: () => this.CONSUME2(T.Name, { LABEL: 'key' }) },
    ]);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  private user = this.RULE('user', () => {
    this.CONSUME(T.User);
    this.CONSUME(T.StringLiteral, { LABEL: 'login' });
  });

  public expression = this.RULE('expression', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'string' }) },
      { GATE: () => this.LA(2).tokenType === T.LParen, ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.path) },
    ]);
  });

  // Paths and calls start with a plain identifier, never an item keyword: a value left out
  // before `user "x"` must not swallow the next item.
  private call = this.RULE('call', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'args' }) });
    this.CONSUME(T.RParen);
  });

  private path = this.RULE('path', () => {
    this.CONSUME(T.Identifier, { LABEL: 'head' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.member) }, { ALT: () => this.SUBRULE(this.access) }]);
    });
  });

  // After a dot, an item keyword is a member name only on the dot's line (`profile.source`): typed
  // `manager.` above `user "x"` stays two items.
  private member = this.RULE('member', () => {
    const dot = this.CONSUME(T.Dot);
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) },
      {
        GATE: () => this.LA(1).startLine === dot.startLine,
        ALT: () => this.CONSUME(T.Name, { LABEL: 'name' }),
      },
    ]);
  });

  private access = this.RULE('access', () => {
    this.CONSUME(T.LBracket);
    this.OR([
      { ALT: () => this.CONSUME(T.Integer, { LABEL: 'index' }) },
      {
        ALT: () => {
          this.CONSUME(T.Name, { LABEL: 'key' });
          this.CONSUME(T.Equals);
          this.OR2([
            { ALT: () => this.CONSUME2(T.Name, { LABEL: 'value' }) },
            { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'value' }) },
            { ALT: () => this.CONSUME2(T.Integer, { LABEL: 'value' }) },
          ]);
        },
      },
    ]);
    this.CONSUME(T.RBracket);
  });

  /** Parse tokens with one rule; the instance is reused, so input and errors are reset each time. */
  parseWith(tokens: IToken[], rule: 'document' | 'expression'): CstNode {
    this.input = tokens;
    return rule === 'document' ? this.document() : this.expression();
  }
}

/** The one parser instance of the process (Chevrotain parsers are built once and reused). */
export const parser = new UsersyncParser();

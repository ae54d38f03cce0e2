import {
  EmbeddedActionsParser,
  tokenMatcher,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { errorMessageProvider } from './error-messages';
import * as T from './tokens';
import { withoutErrorStacks } from './without-stacks';

/** The parser state and method of Chevrotain 10 that this file relies on; they are not in its typings. */
interface ChevrotainRecovery {
  RULE_STACK: number[];
  RULE_OCCURRENCE_STACK: number[];
  _errors: IRecognitionException[];
  tokVector: IToken[];
  tokVectorLength: number;
  currIdx: number;
  getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[];
  SAVE_ERROR(error: IRecognitionException): IRecognitionException;
  flattenFollowSet(): TokenType[];
  LA(howMuch: number): IToken;
}

/** Where a scan for a re-sync token from `from` stopped: at token index `at`, which matched `type`. */
interface ReSync {
  follows: TokenType[];
  from: number;
  at: number;
  type: TokenType;
}

const chevrotain = EmbeddedActionsParser.prototype as unknown as ChevrotainRecovery;

/**
 * Syntax errors one parse reports before it stops reading. Past a thousand errors the text is not
 * this language, and every further error costs (Chevrotain throws and catches for each one) while
 * telling the admin nothing the first thousand did not.
 */
export const MAX_SYNTAX_ERRORS = 1000;

/** More grammar positions than the grammar has at any sane depth; past it the cache starts afresh. */
const FOLLOWS_CACHE_LIMIT = 4096;

/**
 * Chevrotain's parser with error recovery on, made affordable for a text full of errors. `npm run fuzz`
 * found a 142 KB text with 34,533 syntax errors (a value followed by `a.a.a.…`) whose parse took 1.4 s:
 *
 * - a third of it captured the stacks of the Errors Chevrotain throws and catches for each syntax error;
 *   `runParse` turns stacks off (1.4 → 0.86 s, without-stacks.ts);
 * - 60% of the rest walked the grammar, on every error, for the tokens that may follow the expected one;
 *   `getFollowsForInRuleRecovery` keeps the answer per grammar position (0.86 → 0.38 s);
 * - the parse stops reading after MAX_SYNTAX_ERRORS (0.38 s → 20–66 ms).
 *
 * Then `npm run fuzz -- --sweep` found texts of one pattern repeated (`a = a = …`) that took 1.6 s for 60 KB
 * even with the stop: on each recovery Chevrotain scans ahead for a token to re-sync on, to the end of the
 * text when there is none. `findReSyncTokenType` keeps where each scan ended (31 ms).
 */
export abstract class RecoveringParser extends EmbeddedActionsParser {
  private readonly follows = new Map<string, TokenType[]>();
  /** Re-sync scans of the parse running now, per grammar position. */
  private readonly reSyncs = new Map<string, ReSync>();
  /** The first token left unread after MAX_SYNTAX_ERRORS, in the parse running now. */
  private stop: IToken | undefined;

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider });
  }

  /**
   * Overrides Chevrotain's method of the same name (traits/recoverable.js; test/syntax/recovery.test.ts
   * checks that it is still called). The answer depends only on the grammar position: the rule stack,
   * each rule's occurrence, the expected token and its index in the rule.
   */
  protected getFollowsForInRuleRecovery(tokType: TokenType, tokIdxInRule: number): TokenType[] {
    const self = this as unknown as ChevrotainRecovery;
    const key = `${positionKey(self)}/${tokType.name}/${tokIdxInRule}`;
    let follows = this.follows.get(key);
    if (follows === undefined) {
      follows = chevrotain.getFollowsForInRuleRecovery.call(this, tokType, tokIdxInRule);
      if (this.follows.size >= FOLLOWS_CACHE_LIMIT) this.follows.clear();
      this.follows.set(key, follows);
    }
    return follows;
  }

  /**
   * Overrides Chevrotain's method of the same name (traits/recoverable.js), which on each recovery scans
   * forward from the current token to the first one that may follow any rule on the stack (at worst the
   * end of the text). Within one parse and one grammar position, a later scan that starts inside an
   * earlier scan's range ends where that one did, so the answer is kept.
   */
  protected findReSyncTokenType(): TokenType {
    const self = this as unknown as ChevrotainRecovery;
    const key = positionKey(self);
    const from = self.currIdx + 1;
    const known = this.reSyncs.get(key);
    if (known && known.from <= from && from <= known.at) return known.type;
    const follows = known?.follows ?? self.flattenFollowSet();
    for (let at = from; ; at++) {
      if (known && at === known.from) {
        this.reSyncs.set(key, { ...known, from });
        return known.type;
      }
      // LA past the end gives EOF, which is always among the follows (Chevrotain's own loop relies on it)
      const token = self.LA(at - self.currIdx);
      const type = follows.find((t) => tokenMatcher(token, t));
      if (type) {
        this.reSyncs.set(key, { follows, from, at, type });
        return type;
      }
    }
  }

  /**
   * Overrides Chevrotain's method that keeps each error (traits/error_handler.js). At the limit the
   * input ends where the parser stands: every rule then meets the end of the text and closes, and the
   * errors that meeting causes are not kept.
   */
  protected SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    const self = this as unknown as ChevrotainRecovery;
    if (this.stop) return error;
    chevrotain.SAVE_ERROR.call(this, error);
    if (self._errors.length >= MAX_SYNTAX_ERRORS) {
      this.stop = self.tokVector[self.currIdx + 1] ?? error.token;
      self.tokVectorLength = self.currIdx + 1;
      this.reSyncs.clear();
    }
    return error;
  }

  /** Where the last parse stopped reading because of MAX_SYNTAX_ERRORS; undefined when it read all. */
  stoppedAt(): IToken | undefined {
    return this.stop;
  }

  /** Runs one parse: afresh, and with Error stacks off (without-stacks.ts). */
  protected runParse<R>(parse: () => R): R {
    return withoutErrorStacks(() => {
      this.stop = undefined;
      this.reSyncs.clear();
      return parse();
    });
  }

  /** How many grammar positions are kept, and forgetting them: for the specifications of the cache. */
  recoveryPositionsKept(): number {
    return this.follows.size;
  }

  forgetRecoveryPositions(): void {
    this.follows.clear();
  }
}

/** The grammar position: the rules on the stack and where each was called. */
function positionKey(self: ChevrotainRecovery): string {
  return `${self.RULE_STACK.join(',')}/${self.RULE_OCCURRENCE_STACK.join(',')}`;
}

import type { Expr } from '../model';

/**
 * An expression function (`lower(userPrincipalName)`). Each function lives in its own file and is
 * listed once in registry.ts; checks, completion, hover, signature help and the evaluator read this.
 */

export interface FunctionParam {
  name: string;
  /** One line of markdown for signature help. */
  doc: string;
  /** The last parameter may take any number of arguments. */
  variadic?: boolean;
  optional?: boolean;
}

export interface ArgProblem {
  /** Index into the call's arguments. */
  index: number;
  message: string;
}

export interface EvalContext {
  /** The argument expressions as written (literals can be read before evaluation). */
  raw?: readonly Expr[];
  /** Reports a problem with this user's data; the value returned is still used. */
  warn?: (message: string) => void;
}

export interface FunctionDef {
  name: string;
  /** e.g. `join(separator, value...)` */
  signature: string;
  params: FunctionParam[];
  minArgs: number;
  /** `Infinity` for variadic functions. */
  maxArgs: number;
  /** Markdown: one paragraph and an example. */
  doc: string;
  returns: 'string';
  /** Computes the value; `undefined` means "no value". Never throws. */
  evaluate(args: readonly (string | undefined)[], context?: EvalContext): string | undefined;
  /** Static checks on the argument expressions (arity is checked by the caller from minArgs/maxArgs). */
  checkArgs?(args: readonly Expr[]): ArgProblem[];
}

/** Empty for the functions: undefined, '' or only whitespace. */
export function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

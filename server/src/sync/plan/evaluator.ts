import type { Expr } from '../../model/model';
import { evaluate } from '../../model/evaluate';

/**
 * The planner's view of expression evaluation: a value (undefined = the IdP gave nothing) and warnings
 * about odd data as text. Injectable so planner specs can pin behaviour; the default is the model's `evaluate`.
 */

export interface Evaluation {
  value: string | undefined;
  warnings: readonly string[];
}

export type Evaluator = (expr: Expr, raw: Record<string, unknown>) => Evaluation;

export const defaultEvaluator: Evaluator = (expr, raw) => {
  const result = evaluate(expr, raw);
  // Runs for every user and mapping: no new array for the usual case of no warnings.
  return { value: result.value, warnings: result.warnings.length === 0 ? NONE : result.warnings.map((w) => w.message) };
};

const NONE: readonly string[] = Object.freeze([]);

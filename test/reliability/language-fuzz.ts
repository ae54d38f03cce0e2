import { fuzzCases, type FuzzCase } from './language-cases';
import { runCase, type CaseOutcome } from './language-check';

/**
 * The language fuzzer: `count` cases from `seed` through runCase. A case slower than the budget is
 * run up to twice more (a GC pause or a busy machine is not the document's fault) and fails only when
 * every run is slow. Failures are grouped by their first problem with the numbers taken out, so one
 * bug found a thousand times is reported once (with the smallest input that showed it; for slowness,
 * the slowest).
 */

export interface LanguageFuzzOptions {
  count: number;
  seed: number;
  /** Longest time one document may take through all stages (default 1000 ms; Infinity: not checked). */
  budgetMs?: number;
  /** Stop after this many distinct failures (default 20). */
  maxFailures?: number;
  onProgress?: (done: number, result: LanguageFuzzResult) => void;
  progressEvery?: number;
}

export interface LanguageFailure {
  signature: string;
  problems: string[];
  case: FuzzCase;
  /** How many cases failed this way. */
  times: number;
  ms: number;
}

export interface LanguageFuzzResult {
  cases: number;
  /** Cases per origin kind (the part before the first ':' or '+'). */
  byKind: Record<string, number>;
  totalChars: number;
  totalMs: number;
  slowest: { ms: number; origin: string; chars: number };
  failures: LanguageFailure[];
}

const signatureOf = (problem: string): string =>
  problem
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\{[^}]*\}/g, '{…}')
    .replace(/\d+/g, 'N')
    .slice(0, 160);

/** `slow in complete: 2100 ms for 6000 characters (complete 2050 ms, budget 1000 ms)`: grouped by stage. */
function slowProblem(outcome: CaseOutcome, chars: number, budget: number): string {
  const [stage, ms] = Object.entries(outcome.stageMs).sort((a, b) => b[1] - a[1])[0];
  return `slow in ${stage}: ${Math.round(outcome.ms)} ms for ${chars} characters (${stage} ${Math.round(ms)} ms, budget ${budget} ms)`;
}

export function runLanguageFuzz(options: LanguageFuzzOptions): LanguageFuzzResult {
  const budget = options.budgetMs ?? 1000;
  const maxFailures = options.maxFailures ?? 20;
  const every = options.progressEvery ?? 1000;
  const result: LanguageFuzzResult = {
    cases: 0,
    byKind: {},
    totalChars: 0,
    totalMs: 0,
    slowest: { ms: 0, origin: '', chars: 0 },
    failures: [],
  };
  const bySignature = new Map<string, LanguageFailure>();
  for (const c of fuzzCases(options.count, options.seed)) {
    let outcome = runCase(c);
    // far over the budget is no accident of scheduling: no retry then
    for (let retry = 0; retry < 2 && outcome.ms > budget && outcome.ms < 3 * budget; retry++) {
      const again = runCase(c);
      outcome = again.ms < outcome.ms ? again : outcome;
    }
    const problems =
      outcome.ms > budget ? [...outcome.problems, slowProblem(outcome, c.text.length, budget)] : outcome.problems;
    result.cases++;
    const kind = c.origin.split(/[:+]/)[0];
    result.byKind[kind] = (result.byKind[kind] ?? 0) + 1;
    result.totalChars += c.text.length;
    result.totalMs += outcome.ms;
    if (outcome.ms > result.slowest.ms) result.slowest = { ms: outcome.ms, origin: c.origin, chars: c.text.length };
    if (problems.length > 0) {
      const signature = signatureOf(problems[0]);
      const known = bySignature.get(signature);
      if (known) {
        known.times++;
        const slow = signature.startsWith('slow ');
        if (slow ? outcome.ms > known.ms : c.text.length < known.case.text.length)
          Object.assign(known, { case: c, problems, ms: outcome.ms });
      } else {
        const failure = { signature, problems, case: c, times: 1, ms: outcome.ms };
        bySignature.set(signature, failure);
        result.failures.push(failure);
      }
    }
    if (result.cases % every === 0) options.onProgress?.(result.cases, result);
    if (result.failures.length >= maxFailures) break;
  }
  return result;
}

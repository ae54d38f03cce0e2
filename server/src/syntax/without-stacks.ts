/**
 * Runs `run` with Error stacks off. Chevrotain and the yaml package make an Error for every syntax
 * error they meet (Chevrotain also throws and catches some to recover), and capturing the stacks
 * nobody reads was a third to a half of parsing a text dense with errors (docs/reliability.md).
 * Should something really throw, `run` runs again with stacks on, so that the error that escapes has
 * its stack; `run` must be free of side effects that a second run would repeat.
 */
export function withoutErrorStacks<R>(run: () => R): R {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } catch {
    Error.stackTraceLimit = limit;
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

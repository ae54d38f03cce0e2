import { runCase, type CaseOutcome } from './language-check';

/**
 * The pattern sweep (`npm run fuzz -- --sweep`): every pattern of three pieces of the grammar, repeated
 * to about 60 KB, in each of four places (top level, connector, source block, call arguments), through
 * runCase. Random fuzzing meets a text made of one mistake repeated thousands of times only by luck, and
 * such texts found the parser's and the checks' costs per error (docs/reliability.md).
 */

// prettier-ignore
const PIECES = ['a', '.', '=', '"s"', '(', ')', '[', ']', '{', '}', ',', '1', 'map', 'user', 'connector', 'source',
  '#c\n', '\n', 'property', 'profile'];
const THIRD = ['', ' ', ...PIECES.slice(0, 8)];
const SIZE = 60_000;

const PLACES: [string, (body: string) => string][] = [
  ['top', (b) => b],
  ['connector', (b) => `connector c {\n${b}\n}\n`],
  ['block', (b) => `connector c {\n  source azure {\n    tenant = "t"${b}\n  }\n}\n`],
  ['arguments', (b) => `connector c {\n  map property "x" = f(${b})\n}\n`],
];

export interface SweepCase {
  place: string;
  pattern: string;
  outcome: CaseOutcome;
}

/** Every case, in order; `budgetMs` marks the slow ones as failures in the caller. */
export function* sweepCases(): Generator<SweepCase> {
  const seen = new Set<string>();
  for (const a of PIECES)
    for (const b of PIECES)
      for (const c of THIRD) {
        const pattern = `${a} ${b} ${c}`;
        if (seen.has(pattern)) continue;
        seen.add(pattern);
        for (const [place, wrap] of PLACES) {
          const text = wrap(pattern.repeat(Math.ceil(SIZE / pattern.length)));
          const outcome = runCase({ origin: `sweep:${place}`, uri: 'file:///sweep.usersync', text, positions: [0.5] });
          yield { place, pattern, outcome };
        }
      }
}

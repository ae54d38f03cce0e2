import { runCase, type CaseOutcome } from './language-check';

/**
 * The pattern sweep (`npm run fuzz -- --sweep`): every pattern of three pieces of a grammar, repeated to
 * tens of kilobytes, in each of four places, through runCase; for both forms. Random fuzzing meets a text
 * made of one mistake repeated thousands of times only by luck, and such texts found the parser's and
 * the checks' costs per error (docs/reliability.md).
 */

interface Family {
  uri: string;
  pieces: string[];
  /** The third piece of a pattern: none, a space, or one of the first pieces. */
  third: string[];
  join: string;
  size: number;
  places: [string, (body: string) => string][];
}

// prettier-ignore
const USERSYNC_PIECES = ['a', '.', '=', '"s"', '(', ')', '[', ']', '{', '}', ',', '1', 'map', 'user', 'connector',
  'source', '#c\n', '\n', 'property', 'profile'];
// prettier-ignore
const YAML_PIECES = ['a', '- ', ': ', '[', ']', '{', '}', ',', '"s"', "'s'", '&a ', '*a', '!!str ', '|', '\n', '  ',
  '#c', '? ', 'connectors', 'map', '${env:X}', 'property'];

const FAMILIES: Family[] = [
  {
    uri: 'file:///sweep.usersync',
    pieces: USERSYNC_PIECES,
    third: ['', ' ', ...USERSYNC_PIECES.slice(0, 8)],
    join: ' ',
    size: 60_000,
    places: [
      ['top', (b) => b],
      ['connector', (b) => `connector c {\n${b}\n}\n`],
      ['block', (b) => `connector c {\n  source azure {\n    tenant = "t"${b}\n  }\n}\n`],
      ['arguments', (b) => `connector c {\n  map property "x" = f(${b})\n}\n`],
    ],
  },
  {
    uri: 'file:///sweep.usersync.yaml',
    pieces: YAML_PIECES,
    third: ['', ' ', ...YAML_PIECES.slice(0, 6)],
    join: '',
    size: 40_000,
    places: [
      ['yaml top', (b) => b],
      ['yaml connector', (b) => `connectors:\n  c:\n    ${b}\n`],
      // a mapping's expression, where the YAML form hands the scalar to the expression parser
      [
        'yaml value',
        (b) =>
          `connectors:\n  c:\n    source: { type: azure, tenant: t }\n    map:\n      property:\n        x: ${b}\n`,
      ],
      ['yaml flow', (b) => `connectors: [${b}]\n`],
    ],
  },
];

export interface SweepCase {
  place: string;
  pattern: string;
  outcome: CaseOutcome;
}

/** How many cases sweepCases yields. */
export function sweepSize(): number {
  return FAMILIES.reduce((n, f) => n + patterns(f).length * f.places.length, 0);
}

/** Every case, in order; the caller decides what is too slow. */
export function* sweepCases(): Generator<SweepCase> {
  for (const family of FAMILIES)
    for (const pattern of patterns(family))
      for (const [place, wrap] of family.places) {
        const text = wrap(pattern.repeat(Math.ceil(family.size / pattern.length)));
        const outcome = runCase({ origin: `sweep:${place}`, uri: family.uri, text, positions: [0.5] });
        yield { place, pattern, outcome };
      }
}

function patterns(f: Family): string[] {
  const out = new Set<string>();
  for (const a of f.pieces) for (const b of f.pieces) for (const c of f.third) out.add([a, b, c].join(f.join));
  return [...out];
}

import fc from 'fast-check';

/**
 * How the language fuzzer damages text: token soup from pieces of both grammars and of hostile text,
 * and weighted mutations (truncation, bit flips decoded as invalid UTF-8, inserts, deletes, duplicates,
 * deep nesting at a value position, huge strings, a few pieces repeated over kilobytes, line-ending, BOM,
 * tab, lone-surrogate and RTL rewrites).
 */

/** Pieces of both grammars and of hostile text: token soup is made of these. */
// prettier-ignore
export const PIECES = [
  '{', '}', '"', '=', '(', ')', '[', ']', '.', ',', '#', ':', '-', '\n', '\r\n', '\r', ' ', '  ', '\t',
  'connector ', 'source ', 'target ', 'match ', 'username', 'schedule ', 'map ', 'property ', 'profile ',
  'user ', 'on_empty', 'clear_guard', 'azure', 'okta', 'google', 'jira', 'confluence', 'env(', 'secret(',
  'file(', 'first(', 'join(', 'lower(', 'replace(', 'substring(', 'manager.', 'mail', 'profile.login',
  '[type=work]', '[primary=true]', '[0]', 'connectors:', '\n  - ', '{ env: ', '? ', '&a ', '*a', '!!str ',
  '|', '>', "'", '"%"', '"0 */6 * * *"', '\\', '\\u', '\u0000', '\ufeff', '\u200f', '\u202e', 'é', 'e\u0301',
  '😀', '👩‍👩‍👧', '\ud800', '\udc00', 'ش', 'x', '0', '9999999999999999999',
];

const text = (pieces: string[]) => pieces.join('');

/** A few pieces glued together. */
export const soup = (max: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: max }).map(text);

type Mutation = (s: string) => string;

/** UTF-8 bytes with some bits flipped, decoded leniently: invalid sequences become U+FFFD as an editor shows them. */
function flipBytes(s: string, flips: [number, number][]): string {
  const bytes = Buffer.from(s, 'utf8');
  if (bytes.length === 0) return s;
  for (const [at, bit] of flips) bytes[at % bytes.length] ^= 1 << (bit % 8);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Deep nesting of every kind either grammar has. */
function nesting(kind: number, depth: number, yaml: boolean): string {
  switch (kind % 7) {
    case 0:
      return `${'first('.repeat(depth)}mail${')'.repeat(depth)}`;
    case 1:
      return '('.repeat(depth);
    case 2:
      return '{'.repeat(depth) + '}'.repeat(depth >> 1);
    case 3:
      return `mail${'[0]'.repeat(depth)}`;
    case 4:
      return `manager${'.manager'.repeat(depth)}.mail`;
    case 5:
      return yaml
        ? '\n' + Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')
        : 'connector a {'.repeat(depth);
    default:
      return yaml ? '['.repeat(depth) + '{a: '.repeat(depth) : '"'.repeat(depth);
  }
}

const share = fc.double({ min: 0, max: 1, noNaN: true });

/** The mutations, weighted: small edits often, deep nesting and huge strings now and then. */
export const mutation: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  w(
    3,
    fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((r): [string, Mutation] => ['truncate', (s) => s.slice(0, Math.floor(s.length * r))]),
  ),
  w(
    3,
    fc
      .array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 6 })
      .map((flips): [string, Mutation] => ['flip', (s) => flipBytes(s, flips)]),
  ),
  w(
    4,
    fc.tuple(share, soup(6)).map(([r, ins]): [string, Mutation] => ['insert', (s) => splice(s, r, 0, ins)]),
  ),
  w(
    2,
    fc.tuple(share, fc.nat(40)).map(([r, n]): [string, Mutation] => ['delete', (s) => splice(s, r, n, '')]),
  ),
  w(
    2,
    fc
      .tuple(share, share)
      .map(([a, b]): [string, Mutation] => [
        'duplicate',
        (s) => splice(s, a, 0, s.slice(Math.floor(s.length * Math.min(a, b)), Math.floor(s.length * Math.max(a, b)))),
      ]),
  ),
  w(
    1,
    fc
      .tuple(share, fc.nat(6), fc.integer({ min: 20, max: 3000 }))
      .map(([r, kind, depth]): [string, Mutation] => [
        `nest${kind % 7}x${depth}`,
        (s) => atValue(s, r, nesting(kind, depth, /^connectors:/m.test(s))),
      ]),
  ),
  w(
    1,
    fc
      .tuple(share, fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom('x', 'é', '😀', ' ', 'a.', '\\"'))
      .map(([r, n, unit]): [string, Mutation] => [
        `huge${n}`,
        (s) => splice(s, r, 0, `"${unit.repeat(Math.ceil(n / unit.length))}"`),
      ]),
  ),
  // A few pieces repeated over many kilobytes, at a value or anywhere: a text dense with the same error.
  // A sweep of such runs found parses of 1.3-2.1 s for 60 KB (syntax/recovery.ts) and checks of 2 s.
  w(
    1,
    fc
      .tuple(
        share,
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2_000, max: 60_000 }),
        fc.boolean(),
      )
      .map(([r, pieces, n, value]): [string, Mutation] => {
        const unit = `${pieces.join(' ')} `;
        const run = unit.repeat(Math.ceil(n / unit.length));
        return [`repeat${n}`, (s) => (value ? atValue(s, r, run) : splice(s, r, 0, run))];
      }),
  ),
  w(
    2,
    fc.constantFrom<[string, Mutation]>(
      ['crlf', (s) => s.replace(/\n/g, '\r\n')],
      ['cr', (s) => s.replace(/\n/g, '\r')],
      ['bom', (s) => '\ufeff' + s],
      ['tabs', (s) => s.replace(/ {2}/g, '\t')],
      ['lone-surrogates', (s) => s.replace(/e/g, '\ud83d')],
      ['rtl', (s) => s.replace(/"([^"\n]*)"/g, '"\u202e$1\u202c"')],
    ),
  ),
);

function w<T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> {
  return { weight, arbitrary };
}

/** Inserts where an expression or value starts (after `= ` or `: `) when there is such a place. */
function atValue(s: string, share: number, insert: string): string {
  const starts = [...s.matchAll(/(= |: )/g)].map((m) => (m.index ?? 0) + 2);
  if (starts.length === 0) return splice(s, share, 0, insert);
  const at = starts[Math.floor(share * starts.length) % starts.length];
  return s.slice(0, at) + insert + s.slice(at);
}

function splice(s: string, share: number, remove: number, insert: string): string {
  const at = Math.min(s.length, Math.floor(s.length * share));
  return s.slice(0, at) + insert + s.slice(at + remove);
}

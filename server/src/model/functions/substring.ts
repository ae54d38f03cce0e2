import type { Expr } from '../model';
import type { ArgProblem, FunctionDef } from './types';

const DIGITS = /^[0-9]+$/;

export const substring: FunctionDef = {
  name: 'substring',
  signature: 'substring(value, start, length?)',
  params: [
    { name: 'value', doc: 'The text to cut.' },
    { name: 'start', doc: 'Where the part begins, counted from 0, written as digits in quotes: `"0"`.' },
    {
      name: 'length',
      doc: 'How many characters to keep, as digits in quotes; all the rest when left out.',
      optional: true,
    },
  ],
  minArgs: 2,
  maxArgs: 3,
  returns: 'string',
  doc: [
    'Part of the value. Positions count characters as people see them (an emoji or a letter with its',
    'accents is one), so a cut never splits a character.',
    '',
    '```',
    'map property "Initials" = substring(givenName, "0", "1")   # "Émile" → "É"',
    '```',
  ].join('\n'),
  evaluate([value, start, length], context) {
    if (value === undefined) return undefined;
    if (start === undefined || !DIGITS.test(start) || (length !== undefined && !DIGITS.test(length))) {
      context?.warn?.('substring: start and length must be whole numbers written as digits');
      return undefined;
    }
    return cutGraphemes(value, Number(start), length === undefined ? Infinity : Number(length));
  },
  checkArgs(args: readonly Expr[]): ArgProblem[] {
    const problems: ArgProblem[] = [];
    for (const index of [1, 2]) {
      const arg = args[index];
      if (!arg || arg.kind === 'missing') continue;
      if (arg.kind !== 'string') {
        problems.push({
          index,
          message: `substring's ${index === 1 ? 'start' : 'length'} must be digits in quotes, e.g. "0"`,
        });
      } else if (!DIGITS.test(arg.value)) {
        problems.push({ index, message: `"${arg.value}" is not a whole number; write digits only, e.g. "3"` });
      }
    }
    return problems;
  },
};

function cutGraphemes(value: string, start: number, length: number): string {
  const end = start + length;
  let out = '';
  let i = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)) {
    if (i >= end) break;
    if (i >= start) out += segment;
    i++;
  }
  return out;
}

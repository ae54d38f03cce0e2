import type { Expr } from '../model';
import type { ArgProblem, FunctionDef } from './types';

/** Compiles a user's pattern the way `replace` runs it; the error message when it does not compile. */
export function compilePattern(pattern: string): RegExp | string {
  try {
    return new RegExp(pattern, 'g');
  } catch (e) {
    return (e as Error).message;
  }
}

export const replace: FunctionDef = {
  name: 'replace',
  signature: 'replace(value, pattern, replacement)',
  params: [
    { name: 'value', doc: 'The text to change.' },
    { name: 'pattern', doc: 'A JavaScript regular expression, e.g. `"\\\\s+"`; every match is replaced.' },
    { name: 'replacement', doc: 'What each match becomes; `$1` inserts the first group.' },
  ],
  minArgs: 3,
  maxArgs: 3,
  returns: 'string',
  doc: [
    'Replaces every match of a JavaScript regular expression (global, case-sensitive). `$1`, `$2`... in the',
    'replacement insert the captured groups. No value when the pattern does not compile.',
    '',
    '```',
    'map property "Phone" = replace(mobilePhone, "[^0-9+]", "")   # "+1 (555) 0100" → "+15550100"',
    '```',
  ].join('\n'),
  evaluate([value, pattern, replacement], context) {
    if (value === undefined || pattern === undefined) return value;
    const re = compilePattern(pattern);
    if (typeof re === 'string') {
      context?.warn?.(`replace: the pattern does not compile: ${re}`);
      return undefined;
    }
    return value.replace(re, replacement ?? '');
  },
  checkArgs(args: readonly Expr[]): ArgProblem[] {
    const pattern = args[1];
    if (pattern?.kind !== 'string') return [];
    const re = compilePattern(pattern.value);
    return typeof re === 'string' ? [{ index: 1, message: `This regular expression does not compile: ${re}` }] : [];
  },
};

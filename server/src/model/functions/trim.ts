import type { FunctionDef } from './types';

export const trim: FunctionDef = {
  name: 'trim',
  signature: 'trim(value)',
  params: [{ name: 'value', doc: 'The text to trim.' }],
  minArgs: 1,
  maxArgs: 1,
  returns: 'string',
  doc: [
    'The value without leading and trailing whitespace (spaces, tabs, line breaks, no-break spaces).',
    '',
    '```',
    'map property "Department" = trim(department)   # "  R&D " → "R&D"',
    '```',
  ].join('\n'),
  evaluate: ([value]) => value?.trim(),
};

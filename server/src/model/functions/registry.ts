import { first } from './first';
import { guestEmail } from './guest-email';
import { join } from './join';
import { lower } from './lower';
import { replace } from './replace';
import { stripDomain } from './strip-domain';
import { substring } from './substring';
import { trim } from './trim';
import type { FunctionDef } from './types';
import { upper } from './upper';

/** Every expression function, by name. Adding one: a file in this folder and a line here. */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  [first, join, lower, upper, trim, replace, stripDomain, guestEmail, substring].map((f) => [f.name, f]),
);

export function getFunction(name: string): FunctionDef | undefined {
  return FUNCTIONS.get(name);
}

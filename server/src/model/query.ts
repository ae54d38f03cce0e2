import type { Block, Connector, Expr, Mapping, Match, Option, PinnedUser, Schedule, Setting } from './model';

/** Read helpers over a connector's items: the first of each kind wins; checks report the rest. */

export function sourceBlock(c: Connector): Block | undefined {
  return c.items.find((i): i is Block => i.kind === 'block' && i.role === 'source');
}

export function targetBlock(c: Connector): Block | undefined {
  return c.items.find((i): i is Block => i.kind === 'block' && i.role === 'target');
}

export function matchOf(c: Connector): Match | undefined {
  return c.items.find((i): i is Match => i.kind === 'match');
}

export function scheduleOf(c: Connector): Schedule | undefined {
  return c.items.find((i): i is Schedule => i.kind === 'schedule');
}

export function optionsOf(c: Connector): Option[] {
  return c.items.filter((i): i is Option => i.kind === 'option');
}

export function option(c: Connector, key: string): Option | undefined {
  return optionsOf(c).find((o) => o.key === key);
}

export function mappingsOf(c: Connector): Mapping[] {
  return c.items.filter((i): i is Mapping => i.kind === 'mapping');
}

export function usersOf(c: Connector): PinnedUser[] {
  return c.items.filter((i): i is PinnedUser => i.kind === 'user');
}

export function setting(b: Block | undefined, key: string): Setting | undefined {
  return b?.settings.find((s) => s.key === key);
}

/** A word written bare (`keep`) parses as a one-segment path; a quoted one as a string. */
export function wordOf(e: Expr): string | undefined {
  if (e.kind === 'string') return e.value;
  if (e.kind === 'path' && e.segments.length === 1 && !e.segments[0].access) return e.segments[0].name;
  return undefined;
}

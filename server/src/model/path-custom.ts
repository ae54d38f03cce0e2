import type { CustomPattern } from './catalogs/catalog';

/**
 * Custom attributes: names the IdP allows beyond its catalog, described by the generated catalogs'
 * patterns (`extension_{appIdWithoutDashes}_{name}`, `profile.{name}`, `customSchemas.{schemaName}.{fieldName}`,
 * `customSecurityAttributes.{*}`). `{*}` stands for any number of segments.
 */

/** Placeholders with a known shape; any other `{x}` is one segment name. */
const PLACEHOLDERS: Record<string, string> = {
  // Graph directory extensions: the app id as 32 hex digits (api-facts.md §1 "Directory extensions")
  appIdWithoutDashes: '[0-9a-fA-F]{32}',
};

const compiled = new Map<string, (RegExp | '*')[]>();

function partsOf(pattern: string): (RegExp | '*')[] {
  let parts = compiled.get(pattern);
  if (!parts) {
    parts = pattern.split('.').map((part) => (part === '{*}' ? '*' : partRegex(part)));
    compiled.set(pattern, parts);
  }
  return parts;
}

function partRegex(part: string): RegExp {
  const source = part
    .split(/(\{[^}]*\})/)
    .map((piece) => {
      const placeholder = /^\{([^}]*)\}$/.exec(piece);
      if (!placeholder) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return PLACEHOLDERS[placeholder[1]] ?? '[^.\\[\\]]+';
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * The pattern that admits `names` when the catalog failed at `failing` (names before it were found
 * in the catalog). Segments after the pattern's end are accepted: custom values are open data.
 */
export function matchCustom(
  patterns: readonly CustomPattern[],
  names: readonly string[],
  failing: number,
): CustomPattern | undefined {
  return patterns.find((p) => matchesUpTo(partsOf(p.pattern), names, failing));
}

function matchesUpTo(parts: (RegExp | '*')[], names: readonly string[], failing: number): boolean {
  if (failing >= parts.length) return false;
  for (let k = 0; k <= failing; k++) {
    const part = parts[k];
    if (part === '*') return true;
    if (!part.test(names[k] ?? '')) return false;
  }
  return true;
}

/**
 * A pattern the failing name seems meant for (it starts with the pattern's fixed text, e.g.
 * `extension_`) but does not fit: the shape to tell the user about.
 */
export function nearMissPattern(
  patterns: readonly CustomPattern[],
  names: readonly string[],
  failing: number,
): CustomPattern | undefined {
  const name = (names[failing] ?? '').toLowerCase();
  return patterns.find((p) => {
    const literal = p.pattern.split('.')[failing]?.split('{')[0] ?? '';
    if (literal.length < 3 || !name.startsWith(literal.toLowerCase())) return false;
    return failing === 0 || matchesUpTo(partsOf(p.pattern), names, failing - 1);
  });
}

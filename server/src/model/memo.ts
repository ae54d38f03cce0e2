/**
 * A bounded memo for pure answers the checks ask again and again: the same schedule in every connector,
 * the same misspelt attribute in every mapping. Checks run on every keystroke, so an answer is kept
 * across runs; past `limit` entries the oldest goes.
 */
export function memo<V>(cache: Map<string, V>, key: string, compute: () => V, limit = 512): V {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as V;
  const value = compute();
  if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

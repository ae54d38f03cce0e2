import type { SandboxContext } from './context';
import type { SimRequest } from './http';

// api-facts §3 users.list: orderBy email|familyName|givenName + sortOrder. The order is cached per version.
const orderCache = new WeakMap<object, { key: string; order: number[] }>();

export function orderOf(ctx: SandboxContext, req: SimRequest): number[] | { invalid: string } | undefined {
  const by = req.query.get('orderBy');
  if (by === null) return undefined;
  const key = ({ email: 'email', familyname: 'surname', givenname: 'givenName' } as const)[by.toLowerCase() as 'email'];
  if (!key) return { invalid: `Invalid value '${by}' for orderBy.` };
  const desc = (req.query.get('sortOrder') ?? 'ASCENDING').toUpperCase() === 'DESCENDING';
  const cacheKey = `${key}:${desc}:${ctx.dir.version}:${ctx.dir.size}`;
  const cached = orderCache.get(ctx.dir);
  if (cached?.key === cacheKey) return cached.order;
  const values: string[] = [];
  for (let i = 0; i < ctx.dir.size; i++) values.push(String(ctx.dir.at(i)![key] ?? '').toLowerCase());
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
  if (desc) order.reverse();
  orderCache.set(ctx.dir, { key: cacheKey, order });
  return order;
}

import { getCatalog } from '../../model/catalogs/catalog';
import { childAttributes, topLevelAttributes } from './attributes-used';

/**
 * What to ask Graph for, from the attribute paths a connector uses (api-facts.md §1):
 * - `list`: top-level properties for `$select` on /users and /users/delta, plus id and userPrincipalName;
 * - `perUser`: properties the catalog marks listSupported:false (501 on the collection), fetched with
 *   GET /users/{id}?$select=… one user at a time;
 * - `manager`: fields read through the `manager` navigation property, for `$expand=manager($select=…)`.
 * Other navigation properties cannot be `$select`ed and are left out.
 */
export interface GraphSelection {
  list: string[];
  perUser: string[];
  manager?: string[];
}

export function graphSelection(paths: string[][]): GraphSelection {
  const catalog = getCatalog('azure');
  const list = ['id', 'userPrincipalName'];
  const perUser: string[] = [];
  for (const name of topLevelAttributes(paths)) {
    const info = catalog.get(name);
    if (info?.navigation) continue;
    if (info?.listSupported === false) perUser.push(name);
    else if (!list.includes(name)) list.push(name);
  }
  const usesManager = paths.some((p) => p[0] === 'manager');
  const manager = usesManager ? unique(['id', ...childAttributes(paths, 'manager')]) : undefined;
  return { list, perUser, manager };
}

/** `manager($select=id,mail)` */
export function managerExpand(fields: string[]): string {
  return `manager($select=${fields.join(',')})`;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

import { getCatalog } from '../../model/catalogs/catalog';
import { topLevelAttributes } from './attributes-used';

/**
 * The `fields` selector of a Directory request for a user (users.get, and each user of users.list): only
 * the top-level User fields a connector reads, plus `id`, e.g. `id,primaryEmail,organizations`. Google's
 * partial response (the `fields` system parameter,
 * developers.google.com/admin-sdk/directory/v1/guides/performance#partial-response) leaves the rest out,
 * which is most of each user's bytes (etag, timestamps, aliases, emails, orgUnitPath…): a 500-user page of
 * the sandbox shrinks from 600 to 330 KB for the benchmark's connector (docs/benchmarks.md).
 *
 * Only names the catalog knows go in, because Google answers a selector naming a field the User schema
 * lacks with 400 `Invalid field selection`: a path the checks already warn about must not fail the run.
 * Sub-fields are not selected: most of them sit inside fields the discovery document types as `any`
 * (organizations, phones, relations…), and a selector keeps a whole top-level field anyway.
 */
export function googleUserFields(paths: string[][]): string {
  const catalog = getCatalog('google');
  const names = ['id'];
  for (const name of topLevelAttributes(paths)) if (!names.includes(name) && catalog.child('', name)) names.push(name);
  return names.join(',');
}

/** The selector of a users.list page for those fields of each user: `nextPageToken,users(id,primaryEmail,…)`. */
export function googleListFields(userFields: string): string {
  return `nextPageToken,users(${userFields})`;
}

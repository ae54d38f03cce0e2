import { childAttributes, topLevelAttributes } from './attributes-used';

/**
 * The `fields` projection of an Okta list-users request (okta-management yaml, GET /api/v1/users,
 * parameter `fields`: "Comma-separate the fields and place sub-fields in the profile object inside a
 * `profile:()` directive… The `id` field is always included"): the top-level properties a connector
 * reads and its profile attributes, e.g. `id,status,lastUpdated,profile:(login,title,city)`.
 *
 * `status` and `lastUpdated` are always asked for: an incremental read needs them (okta.ts). Custom
 * profile attributes go in as they are written, since the base catalog cannot know them. A path that
 * reads `profile` itself asks for the whole profile. A name that is not a plain word (only the YAML form
 * could write one) would make the projection ambiguous, so then nothing is projected (undefined).
 */
const ALWAYS = ['id', 'status', 'lastUpdated'];
const WORD = /^\w+$/;

export function oktaFields(paths: string[][]): string | undefined {
  if (paths.some((p) => !WORD.test(p[0]) || (p[0] === 'profile' && p.length > 1 && !WORD.test(p[1])))) return undefined;
  const top = topLevelAttributes(paths).filter((name) => name !== 'profile' && !ALWAYS.includes(name));
  const wholeProfile = paths.some((p) => p.length === 1 && p[0] === 'profile');
  const profile = childAttributes(paths, 'profile');
  const parts = [...ALWAYS, ...top];
  if (wholeProfile) parts.push('profile');
  else if (profile.length) parts.push(`profile:(${profile.join(',')})`);
  return parts.join(',');
}

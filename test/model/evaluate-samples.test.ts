import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { referenceDir } from '../../server/src/model/catalogs/generate';
import { getCatalog } from '../../server/src/model/catalogs/catalog';
import { evaluate, type EvalResult } from '../../server/src/model/evaluate';
import { SOURCE_TYPES, type SourceType } from '../../server/src/model/model';
import { resolvePath } from '../../server/src/model/paths';
import { path as pathExpr } from './builders';

/**
 * The path resolver and evaluator against every response body in the reference samples: every
 * catalog path (and its index, selector and bare forms) on every user of every sample, plus the
 * values the samples are known to hold.
 */

const SAMPLES = path.join(referenceDir(), 'samples');
const sampleFiles = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort();

function usersOf(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  const o = body as Record<string, unknown>;
  if (Array.isArray(o.value)) return o.value as Record<string, unknown>[];
  if (Array.isArray(o.users)) return o.users as Record<string, unknown>[];
  return [o];
}

function idpOf(file: string): SourceType | undefined {
  if (file.startsWith('graph-')) return 'azure';
  if (file.startsWith('okta-')) return 'okta';
  if (file.startsWith('google-')) return 'google';
  return undefined;
}

/** Concrete forms of a catalog path: `phones[].value` → `phones[0].value`, `phones.value`, `phones[type=work].value`... */
function concretePaths(idp: SourceType): string[] {
  const catalog = getCatalog(idp);
  const out = new Set<string>();
  for (const a of catalog.attributes) {
    out.add(a.path.replace(/\[\]/g, '[0]'));
    out.add(a.path.replace(/\[\]/g, ''));
    if (a.isCollection) out.add(`${a.path}[1]`);
    for (const key of a.selectorKeys ?? []) {
      for (const v of ['true', 'work', 'custom']) out.add(`${a.path}[${key}=${v}]`);
    }
  }
  for (const a of catalog.attributes.filter((x) => x.path.includes('[]'))) {
    const collection = catalog.get(a.path.slice(0, a.path.indexOf('[]')));
    for (const key of collection?.selectorKeys ?? []) out.add(a.path.replace('[]', `[${key}=work]`));
  }
  if (idp === 'azure') for (const a of catalog.children('')) if (!a.navigation) out.add(`manager.${a.path}`);
  out.add('customSchemas.employmentData.projects[0].value');
  out.add('extension_b7b1c57b532f40b8b5ed4b7a7ba67401_jobGroupTracker');
  out.add('profile.customAttribute');
  return [...out];
}

function assertWellFormed(r: EvalResult, where: string): void {
  assert.ok(r.value === undefined || typeof r.value === 'string', where);
  assert.ok(Array.isArray(r.warnings), where);
  for (const w of r.warnings) assert.ok(typeof w.message === 'string' && typeof w.path === 'string', where);
}

describe('evaluate against every reference sample', () => {
  it('finds the samples', () => {
    assert.ok(sampleFiles.length >= 8, `found ${sampleFiles.join(', ')}`);
  });

  for (const file of sampleFiles) {
    it(`evaluates every catalog path on every user of ${file}`, () => {
      const users = usersOf(JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')));
      const idps = idpOf(file) ? [idpOf(file) as SourceType] : SOURCE_TYPES;
      let evaluated = 0;
      for (const user of users) {
        for (const idp of idps) {
          for (const p of concretePaths(idp)) {
            assertWellFormed(evaluate(pathExpr(p), user), `${file}: ${p}`);
            evaluated++;
          }
        }
      }
      assert.ok(evaluated > 50);
    });
  }

  function sampleUsers(file: string): Record<string, unknown>[] {
    assert.ok(sampleFiles.includes(file), `${file} is among the samples`);
    return usersOf(JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')));
  }

  function at(user: Record<string, unknown>, p: string): EvalResult {
    return evaluate(pathExpr(p), user);
  }

  /** Every leaf of a JSON value as a path: `organizations[0].title`, `aliases[1]`. */
  function leafPaths(value: unknown, prefix = ''): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${prefix}[${i}]`));
    if (value && typeof value === 'object' && Object.keys(value).length > 0) {
      return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
    }
    return prefix ? [prefix] : [];
  }

  const USER_SAMPLES: [string, SourceType][] = [
    ['graph-list-users-default.json', 'azure'],
    ['okta-list-users.json', 'okta'],
    ['google-get-user.json', 'google'],
    ['google-list-users-domain.json', 'google'],
  ];
  for (const [file, idp] of USER_SAMPLES) {
    it(`knows every attribute a user in ${file} carries`, () => {
      const unknown = new Set<string>();
      for (const user of sampleUsers(file)) {
        for (const p of leafPaths(user)) {
          if (resolvePath(pathExpr(p), idp).kind !== 'found') unknown.add(p);
        }
      }
      assert.deepEqual([...unknown], []);
    });
  }

  it('reads the Graph default list: UPNs, an empty and a filled businessPhones, nulls', () => {
    const [adams, admin] = sampleUsers('graph-list-users-default.json');
    assert.equal(at(adams, 'userPrincipalName').value, 'Adams@contoso.com');
    assert.equal(at(admin, 'userPrincipalName').value, 'admin@contoso.com');
    assert.deepEqual(at(adams, 'businessPhones'), { value: undefined, warnings: [] });
    assert.deepEqual(at(admin, 'businessPhones'), { value: '425-555-0100', warnings: [] });
    assert.equal(at(admin, 'businessPhones[0]').value, '425-555-0100');
    assert.deepEqual(at(adams, 'givenName'), { value: undefined, warnings: [] });
    assert.equal(at(admin, 'preferredLanguage').value, 'en-US');
    assert.equal(at(admin, 'manager.mail').value, undefined);
  });

  it('reads the Okta list: profile.login, credentials, nulls and objects', () => {
    const [alice] = sampleUsers('okta-list-users.json');
    assert.equal(at(alice, 'profile.login').value, 'alice.smith@example.com');
    assert.equal(at(alice, 'profile.firstName').value, 'Alice');
    assert.equal(at(alice, 'credentials.provider.type').value, 'OKTA');
    assert.equal(at(alice, 'type.id').value, 'oty1162QAr8hJjTaq0g4');
    assert.deepEqual(at(alice, 'profile.mobilePhone'), { value: undefined, warnings: [] });
    assert.deepEqual(at(alice, 'activated'), { value: undefined, warnings: [] });
    const password = at(alice, 'credentials.password');
    assert.equal(password.value, undefined);
    assert.equal(password.warnings.length, 1);
  });

  it('reads the Okta user-type body without finding a profile', () => {
    const [body] = sampleUsers('okta-get-user.json');
    assert.equal(at(body, 'profile.login').value, undefined);
    assert.equal(
      at(body, '_links.self.href').value,
      'https://{yourOktaDomain}/api/v1/meta/schemas/user/oscz9fj2jMiRBC1ZT1d6',
    );
  });

  it('reads Google users with selectors, indexes and missing lists', () => {
    const [liz] = sampleUsers('google-get-user.json');
    assert.equal(at(liz, 'organizations[primary=true].title').value, 'SWE');
    assert.equal(at(liz, 'organizations[0].description').value, 'Software engineer');
    assert.equal(at(liz, 'phones[type=work].value').value, '+1 nnn nnn nnnn');
    assert.equal(at(liz, 'emails[primary=true].address').value, 'liz@example.com');
    assert.equal(at(liz, 'externalIds[customType=office].value').value, 'employee number');
    assert.equal(at(liz, 'addresses[type=work].locality').value, 'Mountain View');
    assert.equal(at(liz, 'name.fullName').value, 'Liz Smith');
    assert.equal(at(liz, 'isAdmin').value, 'true');
    const aliases = at(liz, 'aliases');
    assert.equal(aliases.value, 'lizsmith@example.com');
    assert.equal(aliases.warnings.length, 1);
    const [first, second] = sampleUsers('google-list-users-domain.json');
    assert.equal(at(first, 'emails[type=work].address').value, 'liz@example.com');
    assert.deepEqual(at(second, 'organizations[primary=true].title'), { value: undefined, warnings: [] });
    assert.equal(at(second, 'suspensionReason').value, 'ADMIN');
    assert.equal(at(second, 'externalIds[customType=work].value').value, 'contractor license number');
  });

  it('reads Atlassian bodies too without trouble', () => {
    const [gort] = sampleUsers('jira-dc-user-search.json');
    assert.equal(at(gort, 'displayName').value, 'gert jansen');
    assert.equal(at(gort, 'avatarUrls.48x48').value?.startsWith('https://www.gravatar.com/'), true);
    const [inga] = sampleUsers('confluence-dc-user-object.json');
    assert.equal(at(inga, 'profilePicture.width').value, '48');
  });
});

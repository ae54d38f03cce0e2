import { strict as assert } from 'assert';
import type { Expr } from '../../server/src/model/model';
import { parseDocument } from '../../server/src/parse';
import type { PersonChange } from '../../server/src/sandbox/directory';
import type { SandboxPerson } from '../../server/src/sandbox/server';
import { planUsers } from '../../server/src/sync/plan/planner';
import type { PlanWarning } from '../../server/src/sync/plan/plan-types';
import { createTarget } from '../../server/src/sync/targets';
import type { IdpUser, RunnableConnector } from '../../server/src/sync/types';
import { runAll, startRig, type ConnectorRun, type SandboxRig } from './sandbox-runs';

/**
 * Odd data from the IdPs, through the real readers and writers of the sandbox: right-to-left text, emoji,
 * combining marks, 100 KB strings, numbers, booleans, objects, lists, nulls and missing objects. Each
 * either lands in Jira and Confluence byte for byte, or becomes a warning naming the user and key, with
 * the target left as it was. Never a crash, never a garbled value.
 */

const RTL = '\u0642\u0633\u0645 \u0627\u0644\u0647\u0646\u062f\u0633\u0629 \u200f(R&D)\u200f';
const EMOJI = '\u{1F469}\u{1F3FD}\u200d\u{1F4BB} Platform \u{1F680} \u{1F1E9}\u{1F1EA}';
const COMBINING = 'Inge\u0301nierie \u2013 Zu\u0308rich \u0915\u094d\u0937';
const HUGE = '\u{1F600}'.repeat(50_000); // 100,000 UTF-16 units, 200 KB of UTF-8

interface Case {
  name: string;
  change: PersonChange;
}

/** Values the sandbox serves as they are: the type system is bypassed on purpose. */
const raw = (v: unknown) => v as string;

const CASES: Case[] = [
  { name: 'rtl', change: { department: RTL } },
  { name: 'emoji', change: { department: EMOJI } },
  { name: 'combining', change: { department: COMBINING } },
  { name: 'huge', change: { department: HUGE } },
  { name: 'number', change: { department: raw(42) } },
  { name: 'boolean', change: { department: raw(true) } },
  { name: 'object', change: { department: raw({ name: 'R&D' }) } },
  { name: 'list', change: { department: raw(['Sales', 'Ops']) } },
  { name: 'null', change: { department: null } },
  { name: 'no-manager', change: { manager: null, costCenter: null, division: null } },
];

const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('odd IdP data lands exactly or becomes a warning', function () {
  this.timeout(60_000);
  let rig: SandboxRig;
  let runs: ConnectorRun[];
  const who = new Map<string, SandboxPerson>();
  const earlier = new Map<string, { jira: Record<string, string>; wiki: Record<string, string> }>();

  before(async () => {
    rig = await startRig({ users: 120, seed: 'idp-data' });
    const people = rig.sandbox
      .people(120)
      .filter(
        (p) =>
          p.enabled &&
          !p.guest &&
          p.oktaStatus === 'ACTIVE' &&
          rig.sandbox.jiraUser(p.email) &&
          rig.sandbox.confluenceUser(p.email),
      );
    // where the target must keep a value, pick someone whose target holds one (else "kept" proves nothing)
    const holds = (email: string, key: string) => rig.sandbox.jiraUser(email)!.properties[key] !== undefined;
    const needs: Record<string, (email: string) => boolean> = {
      huge: (e) => holds(e, 'Department'),
      object: (e) => holds(e, 'Department') && rig.sandbox.confluenceUser(e)!.profile.department !== undefined,
      null: (e) => holds(e, 'Department'),
      'no-manager': (e) => holds(e, 'Manager') && holds(e, 'Cost Center'),
    };
    const used = new Set<string>();
    for (const c of CASES) {
      const p = people.find((x) => !used.has(x.email) && (needs[c.name]?.(x.email) ?? true));
      assert.ok(p, `no one fits the ${c.name} case`);
      used.add(p.email);
      who.set(c.name, rig.sandbox.updateUser(p.email, c.change));
      earlier.set(c.name, {
        jira: { ...rig.sandbox.jiraUser(p.email)!.properties },
        wiki: { ...rig.sandbox.confluenceUser(p.email)!.profile },
      });
    }
    runs = await runAll(rig);
  });
  after(() => rig?.close());

  const jira = (name: string) => rig.sandbox.jiraUser(who.get(name)!.email)!.properties;
  const wiki = (name: string) => rig.sandbox.confluenceUser(who.get(name)!.email)!.profile;
  const warnings = (name: string): PlanWarning[] =>
    runs.flatMap((r) => r.report.warnings).filter((w) => w.user === who.get(name)!.email);

  it('runs every connector to the end with every user applied', () => {
    for (const r of runs) assert.deepEqual(r.report.notDone, [], r.report.connector);
  });

  for (const name of ['rtl', 'emoji', 'combining']) {
    it(`writes ${name} text byte for byte to Jira and Confluence`, () => {
      const expected = Buffer.from(who.get(name)!.department!, 'utf8');
      assert.deepEqual(Buffer.from(jira(name).Department, 'utf8'), expected);
      assert.deepEqual(Buffer.from(wiki(name).department, 'utf8'), expected);
    });
  }

  it('skips a 100 KB value for Jira with a warning, and cuts it for Confluence without breaking a character', () => {
    assert.equal(jira('huge').Department, earlier.get('huge')!.jira.Department, 'Jira keeps what it had');
    const codes = warnings('huge').map((w) => `${w.code} ${w.key}`);
    assert.ok(codes.includes('value-rejected Department'), codes.join());
    assert.ok(codes.includes('value-cut department'), codes.join());
    const cut = wiki('huge').department;
    assert.ok(HUGE.startsWith(cut) && cut.length >= 254 && cut.length <= 255, `${cut.length} units`);
    assert.ok(wellFormed(cut), 'the cut value ends in half an emoji (a lone surrogate)');
  });

  it('writes numbers and booleans as their text', () => {
    assert.equal(jira('number').Department, '42');
    assert.equal(wiki('number').department, '42');
    assert.equal(jira('boolean').Department, 'true');
  });

  it('takes the first of a list, with a warning that says so', () => {
    assert.equal(jira('list').Department, 'Sales');
    assert.ok(warnings('list').some((w) => w.code === 'evaluation' && /2 values; the first is used/.test(w.message)));
  });

  it('leaves the target as it was for an object, with a warning naming user and key', () => {
    assert.equal(jira('object').Department, earlier.get('object')!.jira.Department);
    assert.equal(wiki('object').department, earlier.get('object')!.wiki.department);
    const w = warnings('object').find((x) => x.key === 'Department');
    assert.equal(w?.code, 'evaluation');
    assert.match(w?.message ?? '', /is an object, not a single value/);
  });

  it('keeps target values for nulls and missing objects (on_empty = keep)', () => {
    assert.equal(jira('null').Department, earlier.get('null')!.jira.Department);
    assert.equal(jira('no-manager').Manager, earlier.get('no-manager')!.jira.Manager);
    assert.equal(jira('no-manager')['Cost Center'], earlier.get('no-manager')!.jira['Cost Center']);
  });
});

describe('IdP users the planner must leave out', () => {
  let rig: SandboxRig;
  before(async () => (rig = await startRig({ users: 20, seed: 'idp-collide' })));
  after(() => rig?.close());

  const connector = (): RunnableConnector => {
    const doc = parseDocument(
      'connector c {\n  match username = mail\n  map property "Department" = department\n}',
      'x.usersync',
    ).document;
    const items = doc.connectors[0].items;
    const exprOf = (kind: string) => (items.find((i) => i.kind === kind) as { expr: Expr }).expr;
    return {
      name: 'c',
      source: { type: 'azure', settings: {} },
      target: { type: 'jira', settings: { url: rig.sandbox.urls.jira, token: rig.token } },
      match: exprOf('match'),
      mappings: [{ kind: 'property', key: 'Department', expr: exprOf('mapping') }],
      onEmpty: 'keep',
      clearGuard: 0.1,
      users: [],
      secrets: [rig.token],
    };
  };

  it('skips two users whose usernames differ only in case, and users with no or odd match values, each with its reason', async () => {
    const someone = rig.sandbox.people(20).find((p) => rig.sandbox.jiraUser(p.email))!;
    const upper = someone.email.toUpperCase();
    const users: IdpUser[] = [
      { id: 'A', raw: { mail: someone.email, department: 'One' } },
      { id: 'B', raw: { mail: upper, department: 'Two' } },
      { id: 'C', raw: { mail: null, department: 'x' } },
      { id: 'D', raw: { department: 'no mail at all' } },
      { id: 'E', raw: { mail: { address: 'x@contoso.com' } } },
      { id: 'F', raw: { mail: '   ' } },
    ];
    const plan = await planUsers(connector(), users, createTarget(connector(), { configDir: '.' }));
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.stats.skipped, 6);
    const collisions = plan.warnings.filter((w) => w.code === 'user-collision');
    assert.deepEqual(collisions.map((w) => w.user).sort(), [someone.email, upper].sort());
    for (const w of collisions) assert.match(w.message, /\(A, B\)/);
    const empty = plan.warnings.filter((w) => w.code === 'empty-match').map((w) => w.user);
    assert.deepEqual(empty.sort(), ['C', 'D', 'E', 'F']);
    assert.match(plan.warnings.find((w) => w.user === 'E')!.message, /is an object/);
  });
});

import { IdCodec } from './ids';
import { mix32 } from './random';
import { ShapeCache } from './shape-cache';
import { AddressBook, PeopleGenerator, Person, TENANT_DOMAIN } from './users';

/** Fields a test (or the sandbox owner) may change on a person; `manager` is the manager's e-mail or null. */
export type PersonChange = Partial<
  Omit<Person, 'index' | 'email' | 'guest' | 'manager' | 'removed' | 'created' | 'lastUpdated'>
> & {
  manager?: string | null;
};

/** A new person: the address is required, everything else defaults to empty. */
export type NewPerson = PersonChange & { email: string; givenName: string; surname: string };

/**
 * The people every IdP simulator serves, with lookups by address and vendor id, and a change log
 * from which Graph delta and Okta `lastUpdated` searches are answered.
 *
 * Memory: only the addresses are held for everyone; a person is generated on demand (a few µs) and
 * kept only once changed, so 100,000 people cost a few MB. The list routes' cached JSON (`shapes`) is
 * the exception: about 1 KB per person served, per shape in use (at most 4), so that paging through
 * 100,000 people again costs joins, not shaping.
 */
export class Directory {
  readonly ids: IdCodec;
  private readonly gen: PeopleGenerator;
  private readonly emails: string[] = [];
  private readonly byEmail = new Map<string, number>();
  /** People changed, added or removed since generation, by index. */
  private readonly changed = new Map<number, Person>();
  /** changes[k] is the index of the person touched by change number k + 1; `version` = changes.length. */
  private readonly changes: number[] = [];
  /** The number of the last change that touched each changed, added or removed person (see `revision`). */
  private readonly revisions = new Map<number, number>();
  private lastStamp = 0;
  private readonly generatedCount: number;
  /** The list routes' JSON of each person, valid while the person's revision is (shape-cache.ts). */
  readonly shapes: ShapeCache = new ShapeCache(this);

  constructor(count: number, seed: number) {
    this.ids = new IdCodec(mix32(seed ^ 0x1d5));
    this.gen = new PeopleGenerator(seed);
    const book = new AddressBook();
    for (let i = 0; i < count; i++) this.insert(i, book.next(i, this.gen.names(i).local));
    this.generatedCount = count;
  }

  /** Number of people ever generated or added (removed ones included): indexes are 0..size-1. */
  get size(): number {
    return this.emails.length;
  }

  get version(): number {
    return this.changes.length;
  }

  /**
   * The number of the last change to person #index (0 while as generated): whatever an IdP shows of a
   * person is the same as long as this and its manager's revision are. Answered without building the person.
   */
  revision(index: number): number {
    return this.revisions.get(index) ?? 0;
  }

  /** Number of people generated at start (the ones the Atlassian targets were seeded from). */
  get generated(): number {
    return this.generatedCount;
  }

  /** The address of person #index (lower case). */
  emailAt(index: number): string {
    return this.emails[index];
  }

  /** Index of an address, present or removed; -1 when never known. */
  indexOf(email: string): number {
    return this.byEmail.get(email.toLowerCase()) ?? -1;
  }

  /** A present person by address (case-insensitive). */
  byAddress(email: string): Person | undefined {
    const i = this.byEmail.get(email.toLowerCase());
    return i === undefined ? undefined : this.present(i);
  }

  byGraphId(id: string): Person | undefined {
    return this.present(this.ids.graphIndex(id));
  }

  byOktaId(id: string): Person | undefined {
    return this.present(this.ids.oktaIndex(id));
  }

  byGoogleId(id: string): Person | undefined {
    return this.present(this.ids.googleIndex(id));
  }

  /** Members sign in with their address; guests with `x_domain#EXT#@tenant`. */
  byUserPrincipalName(upn: string): Person | undefined {
    const guest = /^(.*)_([^_]+)#EXT#@(.+)$/i.exec(upn);
    if (!guest) return this.byAddress(upn);
    const p = guest[3].toLowerCase() === TENANT_DOMAIN ? this.byAddress(`${guest[1]}@${guest[2]}`) : undefined;
    return p?.guest ? p : undefined;
  }

  manager(p: Person): Person | undefined {
    return this.present(p.manager);
  }

  /** Person by index, even when removed (Graph delta reports removals by id). Do not modify it. */
  at(index: number): Person | undefined {
    if (index < 0 || index >= this.emails.length) return undefined;
    return this.changed.get(index) ?? this.gen.person(index, this.emails[index]);
  }

  present(index: number): Person | undefined {
    const p = this.at(index);
    return p && !p.removed ? p : undefined;
  }

  /** Person #index as first generated, whatever changed since (the seed of the Atlassian targets). */
  original(index: number): Person {
    return this.gen.person(index, this.emails[index]);
  }

  /**
   * Up to `size` present people from index `from` on that `accept` takes, and the index of the next one
   * it would take (-1 when none): paging is slicing from a position, never a rescan from the start.
   */
  page(from: number, size: number, accept: (p: Person) => boolean = () => true): { people: Person[]; next: number } {
    const people: Person[] = [];
    for (let i = Math.max(0, from); i < this.emails.length; i++) {
      const p = this.present(i);
      if (!p || !accept(p)) continue;
      if (people.length === size) return { people, next: i };
      people.push(p);
    }
    return { people, next: -1 };
  }

  /** Indexes of the people changed after `version` (oldest change first, each once). */
  changedSince(version: number, upTo = this.version): number[] {
    const seen = new Set<number>();
    for (let k = Math.max(0, version); k < upTo; k++) seen.add(this.changes[k]);
    return [...seen];
  }

  update(email: string, change: PersonChange): Person {
    const p = this.editable(email);
    const { manager, ...fields } = change;
    Object.assign(p, fields);
    if (manager !== undefined) p.manager = manager === null ? -1 : this.requireIndex(manager);
    this.touch(p);
    return p;
  }

  /** Removes a person from every IdP: `changed` = soft-deleted (restorable), `deleted` = hard-deleted. */
  remove(email: string, reason: 'changed' | 'deleted' = 'deleted'): Person {
    const p = this.editable(email);
    p.removed = reason;
    this.touch(p);
    return p;
  }

  add(input: NewPerson): Person {
    if (this.byEmail.has(input.email.toLowerCase())) throw new Error(`address already taken: ${input.email}`);
    const { manager, ...fields } = input;
    const now = this.stamp();
    const p: Person = {
      index: this.emails.length,
      guest: false,
      displayName: `${input.givenName} ${input.surname}`,
      jobTitle: null,
      department: null,
      division: null,
      costCenter: null,
      mobilePhone: null,
      businessPhone: null,
      officeLocation: null,
      city: null,
      country: null,
      countryCode: null,
      preferredLanguage: null,
      companyName: null,
      employeeId: null,
      badge: null,
      costCode: null,
      manager: -1,
      enabled: true,
      oktaStatus: 'ACTIVE',
      created: now,
      lastUpdated: now,
      aboutMe: null,
      birthday: null,
      hireDate: null,
      skills: [],
      projects: [],
      removed: '',
      ...fields,
      email: input.email.toLowerCase(),
    };
    if (manager) p.manager = this.requireIndex(manager);
    this.insert(p.index, p.email);
    this.changed.set(p.index, p);
    this.changes.push(p.index);
    this.revisions.set(p.index, this.changes.length);
    return p;
  }

  private insert(index: number, email: string): void {
    this.emails.push(email);
    this.byEmail.set(email, index);
  }

  private editable(email: string): Person {
    const p = this.byAddress(email);
    if (!p) throw new Error(`no such person: ${email}`);
    this.changed.set(p.index, p);
    return p;
  }

  private requireIndex(email: string): number {
    const m = this.byAddress(email);
    if (!m) throw new Error(`no such manager: ${email}`);
    return m.index;
  }

  private touch(p: Person): void {
    p.lastUpdated = this.stamp();
    this.changes.push(p.index);
    this.revisions.set(p.index, this.changes.length);
  }

  /** Now, but strictly increasing, so `lastUpdated gt <previous>` always sees the next change. */
  private stamp(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return this.lastStamp;
  }
}

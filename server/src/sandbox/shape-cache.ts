import type { Directory } from './directory';
import type { Person } from './users';

/**
 * List pages served from cached JSON. Shaping a person (build, select, stringify) is most of what a
 * list page costs the simulator, and a directory that pages 100,000 people answers the same shapes run
 * after run; so each route keeps, per shape key (base URL, selection, filter: everything the answer
 * depends on besides the person), whether each person passes the filter and the person's JSON.
 *
 * An entry holds while the person's and its manager's revisions are those it was made from
 * (`Directory.revision`): the manager is the only other person any IdP shows in a user (Graph
 * `$expand=manager`, Okta `profile.manager`, Google `relations`), and every change to a person
 * (update, add, remove) bumps its revision. The answers are therefore byte for byte those of shaping
 * each person afresh.
 */

interface Entry {
  revision: number;
  manager: number;
  managerRevision: number;
  accepted: boolean;
  /** UTF-8 JSON, made when first served: people the filter rejects, or that end a full page, are never shaped. */
  json?: Buffer;
}

export interface JsonPage {
  /** The people's JSON as UTF-8, in page order. */
  items: Buffer[];
  /** Position of the next person the filter takes, -1 when none. */
  next: number;
  /** Index (in the directory) of the last person on the page, -1 for an empty page. */
  last: number;
}

/** Shape keys kept per directory; the least recently added goes first. */
const MAX_SHAPES = 4;

export class ShapeCache {
  private readonly shapes = new Map<string, Entry[]>();

  constructor(private readonly dir: Directory) {}

  /**
   * What `Directory.page` answers, as JSON: up to `size` present people from position `from` on that
   * `accept` takes, each shaped by `render`. `order` maps positions to directory indexes (identity
   * when absent).
   */
  page(
    key: string,
    from: number,
    size: number,
    accept: (p: Person) => boolean,
    render: (p: Person) => unknown,
    order?: readonly number[],
  ): JsonPage {
    const entries = this.entries(key);
    const dir = this.dir;
    const end = order ? order.length : dir.size;
    const items: Buffer[] = [];
    let last = -1;
    for (let k = Math.max(0, from); k < end; k++) {
      const i = order ? order[k] : k;
      let e = entries[i];
      let p: Person | undefined;
      if (!e || !this.holds(e, i)) {
        p = dir.present(i);
        const manager = p ? p.manager : -1;
        e = {
          revision: dir.revision(i),
          manager,
          managerRevision: manager >= 0 ? dir.revision(manager) : 0,
          accepted: p !== undefined && accept(p),
        };
        entries[i] = e;
      }
      if (!e.accepted) continue;
      if (items.length === size) return { items, next: k, last };
      e.json ??= Buffer.from(JSON.stringify(render(p ?? dir.present(i)!)));
      items.push(e.json);
      last = i;
    }
    return { items, next: -1, last };
  }

  private holds(e: Entry, i: number): boolean {
    const dir = this.dir;
    return e.revision === dir.revision(i) && (e.manager < 0 || e.managerRevision === dir.revision(e.manager));
  }

  private entries(key: string): Entry[] {
    let entries = this.shapes.get(key);
    if (!entries) {
      if (this.shapes.size >= MAX_SHAPES) this.shapes.delete(this.shapes.keys().next().value!);
      entries = [];
      this.shapes.set(key, entries);
    }
    return entries;
  }
}

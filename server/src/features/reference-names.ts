import type { Document, Expr } from '../model/model';

/**
 * The env("…") and secret("…") names used across the workspace, so that completion inside those
 * calls offers names already in use. Each document's names are read once per model (cached).
 */
export type ReferenceKind = 'env' | 'secret';
export type ReferenceNames = Record<ReferenceKind, string[]>;

const perDocument = new WeakMap<Document, ReferenceNames>();

export function referenceNamesOf(doc: Document): ReferenceNames {
  let names = perDocument.get(doc);
  if (!names) {
    names = { env: [], secret: [] };
    for (const c of doc.connectors) {
      for (const i of c.items) {
        if (i.kind === 'block') for (const s of i.settings) collect(s.value, names);
        else if (i.kind === 'option') collect(i.value, names);
      }
    }
    perDocument.set(doc, names);
  }
  return names;
}

function collect(e: Expr, into: ReferenceNames): void {
  if (e.kind !== 'call') return;
  const arg = e.args[0];
  if ((e.name === 'env' || e.name === 'secret') && arg?.kind === 'string' && arg.value) into[e.name].push(arg.value);
}

/** Names by source (a document uri, or a file the client announced). */
export class ReferenceIndex {
  private readonly sources = new Map<string, ReferenceNames>();

  set(source: string, names: ReferenceNames): void {
    this.sources.set(source, names);
  }

  delete(source: string): void {
    this.sources.delete(source);
  }

  /** Distinct names, the most used first, then alphabetical. */
  names(kind: ReferenceKind, extra: readonly ReferenceNames[] = [], skip: ReadonlySet<string> = new Set()): string[] {
    const counts = new Map<string, number>();
    const indexed = [...this.sources.entries()].filter(([source]) => !skip.has(source)).map(([, n]) => n);
    for (const n of [...indexed, ...extra]) for (const name of n[kind]) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  }
}

export function mergeNames(list: readonly ReferenceNames[]): ReferenceNames {
  return { env: list.flatMap((n) => n.env), secret: list.flatMap((n) => n.secret) };
}

import { isYamlUri } from '../../parse';
import { Chunk } from './chunk';
import { chunkStarts } from './split-chunks';
import { yamlChunkStarts } from './split-yaml-chunks';

/**
 * A document's text as consecutive chunks (see split-chunks.ts). `starts[i]` is where `chunks[i]`
 * begins; chunk 0 always begins at 0.
 */
export interface ChunkedText {
  readonly uri: string;
  readonly text: string;
  readonly chunks: readonly Chunk[];
  readonly starts: readonly number[];
  /** YAML read as one piece for a syntax error: the connector pieces, kept for the next edit to reuse. */
  readonly spare?: readonly Chunk[];
}

export function chunkText(text: string, uri: string): ChunkedText {
  if (isYamlUri(uri)) return chunkYaml(text, uri, new Map());
  const starts = [0, ...chunkStarts(text, 0, text.length)];
  const chunks = starts.map((s, i) => new Chunk(text.slice(s, starts[i + 1] ?? text.length), uri));
  return { uri, text, chunks, starts };
}

/**
 * The chunks of `text`, an edit of `prev.text`: the changed region (common prefix and suffix removed)
 * plus one chunk on each side is split again; chunks whose text did not change are reused with their
 * parse and check results.
 */
export function updateChunks(prev: ChunkedText, text: string): ChunkedText {
  if (prev.text === text) return prev;
  if (isYamlUri(prev.uri)) {
    const reusable = new Map([...prev.chunks, ...(prev.spare ?? [])].map((c) => [c.text, c]));
    return chunkYaml(text, prev.uri, reusable);
  }
  if (prev.chunks.length === 0) return chunkText(text, prev.uri);
  const old = prev.text;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  const changedEnd = lineEnd(old, old.length - suffix);
  const first = Math.max(0, chunkIndexAt(prev.starts, Math.max(0, prefix - 1)) - 1);
  const last = Math.min(prev.chunks.length - 1, chunkIndexAt(prev.starts, changedEnd) + 1);
  const from = prev.starts[first];
  const oldTo = last + 1 < prev.starts.length ? prev.starts[last + 1] : old.length;
  const to = oldTo + delta;
  const reusable = new Map<string, Chunk>();
  for (let i = first; i <= last; i++) reusable.set(prev.chunks[i].text, prev.chunks[i]);
  const regionStarts = [from, ...chunkStarts(text, from, to)];
  const regionChunks = regionStarts.map((s, i) => {
    const piece = text.slice(s, regionStarts[i + 1] ?? to);
    return reusable.get(piece) ?? new Chunk(piece, prev.uri);
  });
  const chunks = [...prev.chunks.slice(0, first), ...regionChunks, ...prev.chunks.slice(last + 1)];
  const starts = [
    ...prev.starts.slice(0, first),
    ...regionStarts,
    ...prev.starts.slice(last + 1).map((s) => s + delta),
  ];
  return { uri: prev.uri, text, chunks, starts };
}

/**
 * The YAML form, one piece per connector where split-yaml-chunks.ts finds the split safe; pieces with
 * the same text and part are reused. When a piece has a YAML syntax error the whole text is read as
 * one piece instead: an unclosed bracket or quote may run over the split, and the whole text's errors
 * are the ones `usersync validate` reports. Its pieces are kept aside, so that the edit that mends the
 * error reads only the connector it touches.
 */
function chunkYaml(text: string, uri: string, reusable: Map<string, Chunk>): ChunkedText {
  const starts = [0, ...yamlChunkStarts(text)];
  let spare: Chunk[] | undefined;
  if (starts.length > 1) {
    const chunks = starts.map((s, i) => {
      const piece = text.slice(s, starts[i + 1] ?? text.length);
      const part = i === 0 ? 'document' : 'connectors';
      const old = reusable.get(piece);
      return old?.part === part ? old : new Chunk(piece, uri, part);
    });
    if (!chunks.some((c) => c.parseErrors.some((e) => UNSPLITTABLE.has(e.code)))) return { uri, text, chunks, starts };
    spare = chunks;
  }
  const old = reusable.get(text);
  return { uri, text, chunks: [old?.part === 'document' ? old : new Chunk(text, uri)], starts: [0], spare };
}

const UNSPLITTABLE: ReadonlySet<string> = new Set(['yaml-syntax', 'too-many-errors', 'internal-error']);

/** Index of the chunk that contains `offset` (the last one starting at or before it). */
export function chunkIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The end of the line that holds `offset` (strings and comments end there, so effects of an edit do too). */
function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n;
}

import type { Diagnostic } from '../../check/diagnostic';
import type { Document, ParseError } from '../../model/model';
import type { PlacedConnector } from '../../check/shared-targets';
import { shiftSpan } from '../../text/span';
import type { Checker, Chunk } from './chunk';
import { chunkIndexAt, chunkText, updateChunks, type ChunkedText } from './chunked-text';
import { CROSS_CONNECTOR_CODES, crossConnectorDiagnostics } from './cross-connector';

/**
 * A part of the document the features work on: a model whose spans are relative to `base`.
 * Add `base` to a span to get an offset in the whole text.
 */
export interface Piece {
  document: Document;
  parseErrors: readonly ParseError[];
  base: number;
}

/**
 * One version of one document: its text, its chunks (parsed lazily, once) and its findings. Features
 * ask for the piece at an offset, or walk all pieces; nothing here is recomputed for the same version.
 */
export class DocumentAnalysis {
  private constructor(
    readonly version: number,
    private readonly chunked: ChunkedText,
  ) {}

  static open(uri: string, text: string, version = 0): DocumentAnalysis {
    return new DocumentAnalysis(version, chunkText(text, uri));
  }

  /** The analysis of a new version, reusing every chunk the edit did not touch. */
  next(text: string, version: number): DocumentAnalysis {
    return new DocumentAnalysis(version, updateChunks(this.chunked, text));
  }

  get uri(): string {
    return this.chunked.uri;
  }

  get text(): string {
    return this.chunked.text;
  }

  get chunkCount(): number {
    return this.chunked.chunks.length;
  }

  /** The piece that holds `offset` (chunks are found by binary search over their starts). */
  pieceAt(offset: number): Piece {
    const i = chunkIndexAt(this.chunked.starts, Math.max(0, offset));
    return pieceOf(this.chunked.chunks[i], this.chunked.starts[i]);
  }

  /**
   * The piece for typing at `offset`: as `pieceAt`, except in the blank or comment lines before a
   * connector, which read as the end of the connector above (it may still be open), so that piece's
   * model is used with its text extended over the next chunk.
   */
  editingPieceAt(offset: number): Piece {
    const { chunks, starts } = this.chunked;
    const i = chunkIndexAt(starts, Math.max(0, offset));
    if (i === 0) return this.pieceAt(offset);
    const first = chunks[i].document.connectors[0];
    if (first && first.span.start + starts[i] <= offset) return this.pieceAt(offset);
    const prev = chunks[i - 1].document;
    const end = i + 1 < starts.length ? starts[i + 1] : this.text.length;
    const document = { ...prev, text: this.text.slice(starts[i - 1], end) };
    return { document, parseErrors: chunks[i - 1].parseErrors, base: starts[i - 1] };
  }

  pieces(): Piece[] {
    return this.chunked.chunks.map((c, i) => pieceOf(c, this.chunked.starts[i]));
  }

  /** True when every chunk has its findings for this checker generation. */
  isChecked(checker: Checker, generation: number): boolean {
    return this.chunked.chunks.every((c) => c.isChecked(checker, generation));
  }

  /** Runs the checks of chunk `i` if they have not run yet (the unit of work between two yields). */
  checkChunk(i: number, checker: Checker, generation: number): void {
    this.chunked.chunks[i].diagnostics(checker, generation);
  }

  /** All findings, spans in the whole text: each chunk's own, then those across connectors. */
  diagnostics(checker: Checker, generation: number): Diagnostic[] {
    const own = this.ownFindings(checker, generation);
    if (own.length === 1) return own[0].diagnostics;
    const out: Diagnostic[] = [];
    for (const { base, diagnostics } of own) {
      for (const d of diagnostics) out.push(base === 0 ? d : shiftDiagnostic(d, base));
    }
    const across = this.acrossFindings();
    if (across.length === 0) return out;
    return [...out, ...across].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  /**
   * Each chunk's own findings, spans relative to the chunk (add `base`), without those the pass across
   * connectors replaces. The arrays are the chunks' cached results: the same array as long as the chunk
   * and the checker generation are the same, which lets a caller cache what it derives from them.
   */
  ownFindings(checker: Checker, generation: number): { chunk: Chunk; base: number; diagnostics: Diagnostic[] }[] {
    const { chunks, starts } = this.chunked;
    if (chunks.length === 1)
      return [{ chunk: chunks[0], base: 0, diagnostics: chunks[0].diagnostics(checker, generation) }];
    return chunks.map((chunk, i) => ({ chunk, base: starts[i], diagnostics: ownOf(chunk, checker, generation) }));
  }

  /** The findings that compare connectors (spans in the whole text); none for a one-chunk document. */
  acrossFindings(): Diagnostic[] {
    const { chunks, starts } = this.chunked;
    if (chunks.length === 1) return [];
    const placed: PlacedConnector[] = [];
    for (let i = 0; i < chunks.length; i++)
      for (const connector of chunks[i].document.connectors) placed.push({ connector, base: starts[i] });
    return crossConnectorDiagnostics(this.text, this.uri, placed);
  }
}

/** A chunk's findings without the cross-connector ones (of a file with several), once per findings array. */
const ownCache = new WeakMap<Diagnostic[], Diagnostic[]>();
function ownOf(chunk: Chunk, checker: Checker, generation: number): Diagnostic[] {
  const all = chunk.diagnostics(checker, generation);
  let own = ownCache.get(all);
  if (!own) {
    own = all.some((d) => CROSS_CONNECTOR_CODES.has(d.code))
      ? all.filter((d) => !CROSS_CONNECTOR_CODES.has(d.code))
      : all;
    ownCache.set(all, own);
  }
  return own;
}

function pieceOf(chunk: Chunk, base: number): Piece {
  return { document: chunk.document, parseErrors: chunk.parseErrors, base };
}

export function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  return {
    ...d,
    span: shiftSpan(d.span, by),
    related: d.related?.map((r) => ({ ...r, span: shiftSpan(r.span, by) })),
    fixes: d.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: shiftSpan(e.span, by) })) })),
  };
}

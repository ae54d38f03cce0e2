import type { Diagnostic } from '../../check/diagnostic';
import type { Document, ParseError } from '../../model/model';
import { parseDocument } from '../../parse';
import type { YamlPart } from '../../yaml/parse-yaml';

/**
 * The checks as the analysis calls them: one document (a whole file, or one connector's piece of it)
 * with its parse errors in, findings out (spans relative to that document).
 */
export type Checker = (document: Document, parseErrors: readonly ParseError[]) => Diagnostic[];

/**
 * One piece of a document's text (one connector with the comments before it, or a YAML document's
 * whole text when it cannot be split), parsed and checked at most once. Pieces are immutable and
 * shared between versions: an edit elsewhere in the file reuses them as they are.
 */
export class Chunk {
  private parsed?: { document: Document; errors: ParseError[] };
  private checked?: { checker: Checker; generation: number; diagnostics: Diagnostic[] };

  constructor(
    readonly text: string,
    readonly uri: string,
    /** For a YAML piece: a whole document, or only more connectors (parse-yaml.ts). */
    readonly part: YamlPart = 'document',
  ) {}

  get document(): Document {
    return this.parse().document;
  }

  get parseErrors(): ParseError[] {
    return this.parse().errors;
  }

  /** True once the checks have run for this checker generation (no work left). */
  isChecked(checker: Checker, generation: number): boolean {
    return this.checked?.checker === checker && this.checked.generation === generation;
  }

  /** The checks' findings, relative to this chunk; `generation` changes when check options change. */
  diagnostics(checker: Checker, generation: number): Diagnostic[] {
    if (!this.isChecked(checker, generation)) {
      this.checked = { checker, generation, diagnostics: safeCheck(checker, this.document, this.parseErrors) };
    }
    return (this.checked as { diagnostics: Diagnostic[] }).diagnostics;
  }

  private parse(): { document: Document; errors: ParseError[] } {
    this.parsed ??= parseDocument(this.text, this.uri, this.part);
    return this.parsed;
  }
}

function safeCheck(checker: Checker, document: Document, errors: readonly ParseError[]): Diagnostic[] {
  try {
    return checker(document, errors);
  } catch (e) {
    // The checks never throw by contract; should one do, the piece reports it instead of losing all findings.
    const message = `internal error in the checks: ${(e as Error).message}`;
    return [{ code: 'internal-error', severity: 'error', message, span: { start: 0, end: 0 } }];
  }
}

import type { Span } from '../text/span';
import { codeInfo, type Code } from './codes';
import type { Diagnostic, Fix, Related } from './diagnostic';

/** Collects the diagnostics of one run; the severity always comes from the CODES table. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(
    code: Code,
    message: string,
    span: Span,
    extra?: { related?: Related[]; fixes?: Fix[]; tags?: Diagnostic['tags'] },
  ): Diagnostic {
    const d: Diagnostic = { code, severity: codeInfo(code)?.severity ?? 'error', message, span };
    if (extra?.related?.length) d.related = extra.related;
    if (extra?.fixes?.length) d.fixes = extra.fixes;
    if (extra?.tags?.length) d.tags = extra.tags;
    this.diagnostics.push(d);
    return d;
  }
}

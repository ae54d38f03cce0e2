import { checkDocument } from '../../server/src/check';
import { complete } from '../../server/src/features/completion/complete';
import { hover } from '../../server/src/features/hover/hover';
import { formatEdits } from '../../server/src/format/format-text';
import { parseDocument } from '../../server/src/parse';
import type { Span } from '../../server/src/text/span';
import type { FuzzCase } from './language-cases';

/**
 * One fuzz case through every stage of the language: parse, check, format (and the formatted text
 * parses again without errors), completion and hover at the case's positions and at both ends.
 * Returns what went wrong (an exception, a range outside the document) and how long it all took.
 */

export interface CaseOutcome {
  ms: number;
  /** Time per stage; the formatter's stage includes parsing the formatted text again. */
  stageMs: Record<Stage, number>;
  problems: string[];
}

export type Stage = 'parse' | 'check' | 'format' | 'complete' | 'hover';

export function inside(s: Span | undefined, length: number): boolean {
  return (
    !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length
  );
}

export function runCase(c: FuzzCase): CaseOutcome {
  const problems: string[] = [];
  const n = c.text.length;
  const span = (stage: Stage, what: string, s: Span | undefined) => {
    if (!inside(s, n)) problems.push(`${stage}: ${what} ${JSON.stringify(s)} is outside 0..${n}`);
  };
  const stageMs: Record<Stage, number> = { parse: 0, check: 0, format: 0, complete: 0, hover: 0 };
  const stage = <T>(name: Stage, f: () => T): T | undefined => {
    const started = performance.now();
    try {
      return f();
    } catch (e) {
      problems.push(`${name} threw: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      return undefined;
    } finally {
      stageMs[name] += performance.now() - started;
    }
  };
  const t0 = performance.now();
  const parsed = stage('parse', () => parseDocument(c.text, c.uri));
  if (parsed) {
    for (const e of parsed.errors) span('parse', `error ${e.code}`, e.span);
    const diagnostics = stage('check', () => checkDocument(parsed.document, parsed.errors)) ?? [];
    for (const d of diagnostics) {
      span('check', d.code, d.span);
      for (const r of d.related ?? []) span('check', `${d.code} related`, r.span);
      for (const f of d.fixes ?? []) for (const e of f.edits) span('check', `${d.code} fix "${f.title}"`, e.span);
    }
    stage('format', () => {
      const { edits } = formatEdits(c.text, c.uri);
      for (const e of edits) span('format', 'edit', e.span);
      const edit = edits[0];
      if (!edit || !inside(edit.span, n)) return;
      const formatted = c.text.slice(0, edit.span.start) + edit.newText + c.text.slice(edit.span.end);
      const again = parseDocument(formatted, c.uri);
      if (again.errors.length > 0)
        problems.push(`format: the formatted text does not parse: ${again.errors[0].code} ${again.errors[0].message}`);
    });
    const offsets = [0, n, ...c.positions.map((p) => Math.min(n, Math.floor(p * (n + 1))))];
    for (const offset of offsets) {
      const entries = stage('complete', () => complete(parsed.document, offset)) ?? [];
      for (const e of entries) span('complete', `entry "${e.label}" at ${offset}`, e.replace);
      const h = stage('hover', () => hover(parsed.document, offset));
      if (h) span('hover', `at ${offset}`, h.span);
    }
  }
  return { ms: performance.now() - t0, stageMs, problems };
}

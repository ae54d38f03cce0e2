import { describeCron } from '../model/cron';
import type { Document } from '../model/model';

/** A short note shown after the text at `offset`. */
export interface InlayHintSpec {
  offset: number;
  label: string;
  tooltip?: string;
}

/** After `schedule "…"`: the cron expression in words. */
export function inlayHints(doc: Document, range?: { start: number; end: number }): InlayHintSpec[] {
  const out: InlayHintSpec[] = [];
  for (const c of doc.connectors) {
    if (range && (c.span.end < range.start || c.span.start > range.end)) continue;
    for (const i of c.items) {
      if (i.kind !== 'schedule' || i.cronSpan.end <= i.cronSpan.start) continue;
      const words = describeCron(i.cron);
      if (words)
        out.push({ offset: i.cronSpan.end, label: ` ${lowerFirst(words)}`, tooltip: `\`${i.cron}\`: ${words}` });
    }
  }
  return out;
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

import type { Document } from '../model/model';
import { blockSpec, settingSpec } from '../model/settings';
import type { Span } from '../text/span';

/** A clickable URL in a setting value. */
export interface LinkSpan {
  span: Span;
  target: string;
}

/** The values of URL settings (`url`, `org_url`, `graph_url`…) that are literal http(s) addresses. */
export function documentLinks(doc: Document): LinkSpan[] {
  const out: LinkSpan[] = [];
  for (const c of doc.connectors) {
    for (const i of c.items) {
      if (i.kind !== 'block') continue;
      const spec = blockSpec(i.role, i.type);
      for (const s of i.settings) {
        const kind = spec ? settingSpec(spec, s.key)?.kind : s.key.endsWith('url') ? 'url' : undefined;
        if (kind !== 'url' || s.value.kind !== 'string' || !/^https?:\/\/\S+$/i.test(s.value.value)) continue;
        const raw = doc.text.slice(s.value.span.start, s.value.span.end);
        const quoted = raw.startsWith('"') || raw.startsWith("'");
        const span = quoted ? { start: s.value.span.start + 1, end: s.value.span.end - 1 } : s.value.span;
        out.push({ span, target: s.value.value });
      }
    }
  }
  return out;
}

import type { Document } from '../model/model';
import type { Span } from '../text/span';

/** The outline: connector > source, target, match, schedule, mappings, users. */
export type SymbolKind = 'connector' | 'source' | 'target' | 'match' | 'schedule' | 'mapping' | 'user' | 'option';

export interface SymbolNode {
  name: string;
  detail?: string;
  kind: SymbolKind;
  span: Span;
  selectionSpan: Span;
  children: SymbolNode[];
}

export function documentSymbols(doc: Document): SymbolNode[] {
  return doc.connectors.map((c) => ({
    name: c.name || '(unnamed connector)',
    kind: 'connector',
    span: c.span,
    selectionSpan: c.name ? c.nameSpan : c.span,
    children: c.items.map((i): SymbolNode => {
      switch (i.kind) {
        case 'block':
          return { name: `${i.role} ${i.type}`, kind: i.role, span: i.span, selectionSpan: i.typeSpan, children: [] };
        case 'match':
          return { name: `match ${i.field}`, kind: 'match', span: i.span, selectionSpan: i.fieldSpan, children: [] };
        case 'schedule':
          return {
            name: 'schedule',
            detail: i.cron,
            kind: 'schedule',
            span: i.span,
            selectionSpan: i.cronSpan,
            children: [],
          };
        case 'mapping':
          return {
            name: `${i.target} ${i.key}`,
            detail: 'map',
            kind: 'mapping',
            span: i.span,
            selectionSpan: i.keySpan,
            children: [],
          };
        case 'user':
          return {
            name: i.login,
            detail: 'user',
            kind: 'user',
            span: i.span,
            selectionSpan: i.loginSpan,
            children: [],
          };
        case 'option':
          return {
            name: i.key,
            detail: 'option',
            kind: 'option',
            span: i.span,
            selectionSpan: i.keySpan,
            children: [],
          };
      }
    }),
  }));
}

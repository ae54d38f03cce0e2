import type { Document, Expr } from '../../model/model';
import { sourceBlock } from '../../model/query';
import { contains } from '../../text/span';
import { connectorAt, exprAt, itemAt, segmentAt, settingAt } from '../locate';
import { attributeHover } from './attribute-hover';
import { functionHover } from './function-hover';
import { scheduleHover } from './schedule-hover';
import { blockTypeHover, settingHover } from './setting-hover';
import type { HoverResult } from './types';

export type { HoverResult } from './types';

/** What the word at `offset` means: attribute, function, setting, block type or schedule. */
export function hover(doc: Document, offset: number, now?: Date): HoverResult | undefined {
  const c = connectorAt(doc, offset);
  const item = c && itemAt(c, offset);
  if (!c || !item) return undefined;
  const sourceType = sourceBlock(c)?.type;
  switch (item.kind) {
    case 'block': {
      if (contains(item.typeSpan, offset) && item.type) return blockTypeHover(item.role, item.type, item.typeSpan);
      const s = settingAt(item.settings, offset);
      if (!s) return undefined;
      if (contains(s.keySpan, offset)) return settingHover(item.role, item.type, s.key, s.keySpan);
      return exprHover(s.value, offset, sourceType);
    }
    case 'option':
      if (contains(item.keySpan, offset)) return settingHover(undefined, '', item.key, item.keySpan);
      return undefined;
    case 'schedule':
      return scheduleHover(item.cron, item.cronSpan, now);
    case 'match':
      return exprHover(item.expr, offset, sourceType);
    case 'mapping':
      return exprHover(item.expr, offset, sourceType);
    default:
      return undefined;
  }
}

function exprHover(expr: Expr, offset: number, sourceType: string | undefined): HoverResult | undefined {
  const hit = exprAt(expr, offset);
  if (!hit) return undefined;
  const e = hit.expr;
  if (e.kind === 'call' && contains(e.nameSpan, offset)) return functionHover(e.name, e.nameSpan);
  if (e.kind !== 'path') return undefined;
  const seg = segmentAt(e, offset);
  if (!seg || !seg.segment.name) return undefined;
  const span = { start: seg.segment.span.start, end: seg.segment.access?.span.end ?? seg.segment.span.end };
  return attributeHover(e, seg.index, span, sourceType);
}

import { SOURCE_TYPES, type PathExpr, type SourceType } from '../../model/model';
import { resolvePath } from '../../model/paths';
import type { Span } from '../../text/span';
import { attributeMarkdown } from '../attribute-doc';
import type { HoverResult } from './types';

/** Hover on one segment of an attribute path: what the path up to that segment is in the source's IdP. */
export function attributeHover(
  path: PathExpr,
  index: number,
  span: Span,
  sourceType: string | undefined,
): HoverResult | undefined {
  if (!(SOURCE_TYPES as readonly string[]).includes(sourceType ?? '')) {
    return { markdown: 'Attribute path. Add a `source` block to the connector to see what it means.', span };
  }
  const idp = sourceType as SourceType;
  const upTo: PathExpr = { kind: 'path', segments: path.segments.slice(0, index + 1), span: path.span };
  const r = resolvePath(upTo, idp);
  if (r.kind === 'found') {
    const lines = [attributeMarkdown(r.attribute, idp, r.path)];
    if (r.flags.needsExpand && r.via) lines.push('', `Read through \`${r.via.path}\` with \`$expand\`.`);
    return { markdown: lines.join('\n'), span };
  }
  if (r.kind === 'custom') {
    const lines = [`\`${r.path}\` — **custom attribute** (${r.pattern.type})`, '', r.pattern.description];
    if (r.suggestions.length) lines.push('', `Did you mean ${r.suggestions.map((s) => `\`${s}\``).join(', ')}?`);
    return { markdown: lines.join('\n'), span };
  }
  if (r.incomplete) return undefined;
  const lines = [`\`${r.name}\` is not an attribute of ${idp}.`];
  if (r.suggestions.length) lines.push('', `Did you mean ${r.suggestions.map((s) => `\`${s}\``).join(', ')}?`);
  if (r.otherIdps.length) lines.push('', `It exists in ${r.otherIdps.join(', ')}.`);
  return { markdown: lines.join('\n'), span };
}

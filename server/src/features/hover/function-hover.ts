import { getFunction } from '../../model/functions/registry';
import { isValueReference, VALUE_REFERENCE_DOCS } from '../../model/functions/references';
import type { Span } from '../../text/span';
import type { HoverResult } from './types';

/** Hover on a function name: its signature, parameters and documentation. */
export function functionHover(name: string, span: Span): HoverResult | undefined {
  if (isValueReference(name)) {
    const ref = VALUE_REFERENCE_DOCS[name];
    return { markdown: ['```usersync', ref.signature, '```', '', ref.doc].join('\n'), span };
  }
  const f = getFunction(name);
  if (!f) return undefined;
  const params = f.params.map((p) => `- \`${p.name}${p.variadic ? '...' : ''}${p.optional ? '?' : ''}\` — ${p.doc}`);
  return { markdown: ['```usersync', f.signature, '```', '', f.doc, '', ...params].join('\n'), span };
}

import { checkConnectorNames, checkHasConnector } from '../../check/connectors';
import { checkSharedTargetKeys, type PlacedConnector } from '../../check/shared-targets';
import type { Diagnostic } from '../../check/diagnostic';
import { Reporter } from '../../check/report';
import type { Document } from '../../model/model';
import { shiftSpan } from '../../text/span';

/**
 * Checks that look across connectors. The analysis checks each chunk (one connector) on its own, so
 * findings that compare connectors are computed once more over the whole file: the unique connector
 * name, keys that two connectors write to one target, and that there is a connector at all. Chunk findings
 * with these codes are dropped in favour of this pass.
 */
export const CROSS_CONNECTOR_CODES: ReadonlySet<string> = new Set([
  'duplicate-connector',
  'shared-target-key',
  'no-connector',
]);

/** Each connector with the offset of its chunk in the whole text. Cost: one pass over the names and map lines. */
export function crossConnectorDiagnostics(text: string, uri: string, placed: readonly PlacedConnector[]): Diagnostic[] {
  const connectors = placed.map(({ connector: c, base }) =>
    base === 0 ? c : { ...c, span: shiftSpan(c.span, base), nameSpan: shiftSpan(c.nameSpan, base) },
  );
  const doc: Document = { form: 'usersync', uri, text, connectors, dangling: [] };
  const out = new Reporter();
  checkHasConnector(doc, [], out);
  checkConnectorNames(doc, out);
  checkSharedTargetKeys(placed, out);
  return out.diagnostics.filter((d) => CROSS_CONNECTOR_CODES.has(d.code));
}

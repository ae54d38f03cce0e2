import { checkConnectorNames } from '../../check/connectors';
import type { Diagnostic } from '../../check/diagnostic';
import { Reporter } from '../../check/report';
import type { Connector, Document } from '../../model/model';

/**
 * Checks that look across connectors. The analysis checks each chunk (one connector) on its own, so
 * findings that compare connectors are computed once more over the whole file: today that is the
 * unique connector name. Chunk findings with these codes are dropped in favour of this pass.
 */
export const CROSS_CONNECTOR_CODES: ReadonlySet<string> = new Set(['duplicate-connector']);

/** `connectors` carry spans in the whole text. Cost: one pass over the connector names. */
export function crossConnectorDiagnostics(text: string, uri: string, connectors: readonly Connector[]): Diagnostic[] {
  const doc: Document = { form: 'usersync', uri, text, connectors: [...connectors], dangling: [] };
  const out = new Reporter();
  checkConnectorNames(doc, out);
  return out.diagnostics.filter((d) => CROSS_CONNECTOR_CODES.has(d.code));
}

import type { Connector, Document, ParseError } from '../model/model';
import type { Span } from '../text/span';
import { checkBlocks } from './blocks';
import { checkConnectorItems, checkConnectorNames, checkHasConnector } from './connectors';
import { connectorContext, type CheckOptions } from './context';
import type { Diagnostic } from './diagnostic';
import { checkFunctions } from './functions';
import { checkMappings } from './mappings';
import { checkMatch } from './match';
import { checkOptions } from './options';
import { checkPaths } from './paths';
import { checkReferences } from './references';
import { Reporter } from './report';
import { checkSchedule } from './schedule';
import { checkLiteralSecrets } from './secrets';
import { checkSharedTargetKeys, placedConnectors } from './shared-targets';
import { checkUsers } from './users';

export type { CheckOptions } from './context';
export { CODES, codeInfo, type Code, type CodeInfo } from './codes';

const CONNECTOR_CHECKS = [
  checkConnectorItems,
  checkBlocks,
  checkLiteralSecrets,
  checkReferences,
  checkOptions,
  checkMatch,
  checkPaths,
  checkFunctions,
  checkMappings,
  checkSchedule,
  checkUsers,
];

/**
 * Every check of the language on one document: parse errors first (as diagnostics with their own
 * code), then the model checks. Works on the model only, so both forms get the same findings.
 * Never throws; every span lies inside the document. Sorted by position.
 */
export function checkDocument(
  doc: Document,
  parseErrors: readonly ParseError[] = [],
  options: CheckOptions = {},
): Diagnostic[] {
  const out = new Reporter();
  const fromParse: Diagnostic[] = parseErrors.map((e) => ({
    code: e.code,
    severity: 'error',
    message: e.message,
    span: e.span,
  }));
  checkHasConnector(doc, parseErrors, out);
  checkConnectorNames(doc, out);
  checkSharedTargetKeys(placedConnectors(doc), out);
  for (const connector of doc.connectors) runConnectorChecks(doc, connector, out, options, parseErrors);
  const all = [...fromParse, ...out.diagnostics].map((d) => clampDiagnostic(d, doc.text.length));
  return all.sort(
    (a, b) =>
      a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

function runConnectorChecks(
  doc: Document,
  connector: Connector,
  out: Reporter,
  options: CheckOptions,
  parseErrors: readonly ParseError[],
): void {
  const ctx = connectorContext(doc, connector, out, options, parseErrors);
  for (const check of CONNECTOR_CHECKS) {
    try {
      check(ctx);
    } catch (e) {
      // A check must never take the others down: report the defect where the connector starts.
      out.report('internal-error', `internal error in ${check.name}: ${(e as Error).message}`, connector.nameSpan);
    }
  }
}

function clampDiagnostic(d: Diagnostic, length: number): Diagnostic {
  const fix = (s: Span): Span => {
    const start = Math.max(0, Math.min(s.start, length));
    return { start, end: Math.max(start, Math.min(s.end, length)) };
  };
  return {
    ...d,
    span: fix(d.span),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, span: fix(r.span) })) } : {}),
  };
}

import { getFunction } from '../model/functions/registry';
import { isValueReference, VALUE_REFERENCE_DOCS } from '../model/functions/references';
import type { Document } from '../model/model';
import * as T from '../syntax/tokens';
import { openCall, type OpenCall } from './completion/expr-tokens';
import { yamlExpressionAt } from './completion/yaml-context';
import { scanTokens } from './completion/scan-state';
import { connectorBefore } from './locate';

/** Signature help in plain terms: the call's signature and which parameter the cursor is on. */
export interface SignatureInfo {
  /** e.g. `join(separator, value...)` */
  label: string;
  /** Markdown. */
  documentation: string;
  parameters: { label: string; documentation: string }[];
  activeParameter: number;
}

/** The innermost open call before `offset` (commas counted at its level), read from the tokens. */
export function signatureHelp(doc: Document, offset: number): SignatureInfo | undefined {
  // the YAML form: the expression scalar is read on its own; `.usersync`: the connector up to the cursor
  const yaml = doc.form === 'yaml' ? yamlExpressionAt(doc, offset) : undefined;
  const from = yaml ? yaml.expr.span.start : connectorBefore(doc, offset)?.span.start;
  if (from === undefined || from > offset) return undefined;
  const tokens = T.lexer
    .tokenize(doc.text.slice(from, offset))
    .tokens.filter((t) => t.tokenType !== T.UnterminatedString);
  if (yaml) return describeCall(openCall(tokens, from));
  const state = scanTokens(tokens).state;
  if (state.kind !== 'expr') return undefined;
  return describeCall(openCall(state.tokens, from));
}

function describeCall(call: OpenCall | undefined): SignatureInfo | undefined {
  if (!call) return undefined;
  if (isValueReference(call.name)) {
    const ref = VALUE_REFERENCE_DOCS[call.name];
    const param = ref.signature.slice(ref.signature.indexOf('(') + 1, -1);
    return {
      label: ref.signature,
      documentation: ref.doc,
      parameters: [{ label: param, documentation: '' }],
      activeParameter: 0,
    };
  }
  const f = getFunction(call.name);
  if (!f) return undefined;
  const parameters = f.params.map((p) => ({
    label: `${p.name}${p.variadic ? '...' : ''}${p.optional ? '?' : ''}`,
    documentation: p.doc,
  }));
  const variadic = f.params.findIndex((p) => p.variadic);
  const active =
    variadic >= 0 ? Math.min(call.argIndex, variadic) : Math.min(call.argIndex, Math.max(0, parameters.length - 1));
  return {
    label: `${f.name}(${parameters.map((p) => p.label).join(', ')})`,
    documentation: f.doc,
    parameters,
    activeParameter: active,
  };
}

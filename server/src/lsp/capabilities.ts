import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ClientFeatures } from './context';
import { TRIGGER_CHARACTERS } from './completion';
import { LEGEND } from './semantic-tokens';
import { SIGNATURE_TRIGGERS } from './signature-help';

/** What the server offers; pull diagnostics only to clients that declare them (they then get no pushes). */
export function serverCapabilities(client: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
    hoverProvider: true,
    signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [','] },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    documentFormattingProvider: true,
    semanticTokensProvider: { legend: LEGEND, full: true, range: true },
    documentLinkProvider: { resolveProvider: false },
    inlayHintProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source] },
    codeLensProvider: { resolveProvider: false },
    ...(client.pullDiagnostics
      ? { diagnosticProvider: { identifier: 'usersync', interFileDependencies: false, workspaceDiagnostics: false } }
      : {}),
  };
}

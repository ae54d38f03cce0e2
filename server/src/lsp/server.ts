import { type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { LiveSchemaService, type LiveSchemaDeps } from '../features/live-schema/live-schema';
import { KeyWriteIndex } from '../features/key-write-index';
import { ReferenceIndex } from '../features/reference-names';
import { serverCapabilities } from './capabilities';
import { registerCodeActions } from './code-actions';
import { registerCodeLens } from './code-lens';
import { registerCompletion } from './completion';
import { clientFeatures, type ServerContext } from './context';
import { DiagnosticsPipeline } from './diagnostics';
import { DocumentStore } from './document-store';
import { registerFolding } from './folding';
import { registerFormatting } from './formatting';
import { registerHover } from './hover';
import { registerInlayHints } from './inlay-hints';
import { registerLinks } from './links';
import { registerLiveSchema, type InitOptions } from './live-schema';
import { guardNotification, logError } from './safe';
import { registerSemanticTokens } from './semantic-tokens';
import { registerSignatureHelp } from './signature-help';
import { registerSymbols } from './symbols';
import { createTextDocuments } from './text-documents';
import { warmUpServer } from './warm-up';
import { registerWorkspaceFiles, scanWorkspaceFolders } from './workspace-files';

export interface ServerOptions {
  /** Live schema readers and environment (tests replace the HTTP readers). */
  liveSchema?: Omit<LiveSchemaDeps, 'onChange'>;
}

/**
 * The usersync language server on a connection: documents in both forms (`.usersync`,
 * `*.usersync.yaml`), one analysis per version, and a thin adapter per feature. Call
 * `connection.listen()` afterwards.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = createTextDocuments();
  let pipeline: DiagnosticsPipeline | undefined;
  // nothing may be sent to the client before it has the initialize result
  let initialized = false;
  const live = new LiveSchemaService({ ...options.liveSchema, onChange: () => initialized && pipeline?.refreshAll() });
  const store = new DocumentStore(live);
  const references = new ReferenceIndex();
  const keyWrites = new KeyWriteIndex(() => initialized && pipeline?.refreshAll());
  let liveSchema: { initialized(): void } | undefined;
  let scan: () => Promise<void> = async () => undefined;

  connection.onInitialize((params): InitializeResult => {
    const client = clientFeatures(params.capabilities, params.clientInfo?.name);
    const ctx: ServerContext = { connection, documents, store, live, references, keyWrites, client };
    pipeline = new DiagnosticsPipeline(ctx);
    pipeline.register();
    liveSchema = registerLiveSchema(ctx, params.initializationOptions as InitOptions | undefined);
    for (const register of FEATURES) register(ctx);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    scan = () => scanWorkspaceFolders(ctx, folders);
    warmUpServer();
    return {
      capabilities: serverCapabilities(client),
      serverInfo: { name: 'usersync-language-server', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    initialized = true;
    liveSchema?.initialized();
    scan().catch((e: unknown) => logError(connection, 'workspace scan', e));
  });

  documents.onDidChangeContent(guardNotification(connection, 'didChange', (e) => pipeline?.changed(e.document.uri)));
  documents.onDidClose(
    guardNotification(connection, 'didClose', (e) => {
      store.close(e.document.uri);
      pipeline?.closed(e.document.uri);
    }),
  );
  documents.listen(connection);
}

const FEATURES: ((ctx: ServerContext) => void)[] = [
  registerCompletion,
  registerHover,
  registerSignatureHelp,
  registerSymbols,
  registerFolding,
  registerFormatting,
  registerSemanticTokens,
  registerLinks,
  registerInlayHints,
  registerCodeActions,
  registerCodeLens,
  registerWorkspaceFiles,
];

import { DidChangeConfigurationNotification, NotificationType } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { guardNotification, logError } from './safe';

/** `usersync/trust`: the client says whether the workspace is trusted (secrets may then be read). */
export const TrustNotification = new NotificationType<{ trusted: boolean }>('usersync/trust');

export interface InitOptions {
  trusted?: boolean;
  liveSchema?: { enabled?: boolean };
}

interface Settings {
  liveSchema?: { enabled?: boolean };
}

/**
 * Live schema is opt-in (`usersync.liveSchema.enabled`) and needs a trusted workspace
 * (initializationOptions.trusted or `usersync/trust`). Settings are pulled with workspace/configuration
 * when the client can, else read from didChangeConfiguration.
 */
export function registerLiveSchema(ctx: ServerContext, init: InitOptions | undefined): { initialized(): void } {
  const { connection, live } = ctx;
  live.configure({ trusted: init?.trusted === true, enabled: init?.liveSchema?.enabled === true });
  connection.onNotification(
    TrustNotification,
    guardNotification(connection, 'usersync/trust', (p) => live.configure({ trusted: p?.trusted === true })),
  );
  const apply = (s: Settings | undefined) => {
    if (typeof s?.liveSchema?.enabled === 'boolean') live.configure({ enabled: s.liveSchema.enabled });
  };
  const pull = async () => {
    try {
      apply((await connection.workspace.getConfiguration('usersync')) as Settings | undefined);
    } catch (e) {
      logError(connection, 'workspace/configuration', e);
    }
  };
  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', async (p) => {
      const pushed = (p?.settings as { usersync?: Settings } | undefined)?.usersync;
      if (pushed) apply(pushed);
      else if (ctx.client.configuration) await pull();
    }),
  );
  return {
    initialized() {
      if (!ctx.client.configuration) return;
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'usersync' })
        .catch(() => undefined);
      void pull();
    },
  };
}

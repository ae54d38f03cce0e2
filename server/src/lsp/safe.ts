import { ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

/**
 * Every handler runs through `guard`: an exception is logged to the client's output and the handler
 * answers `fallback`, so that no input or edit sequence takes the server down.
 */
export function guard<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token?.isCancellationRequested) return fallback;
    try {
      return await handler(params, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logError(connection, name, e);
      return fallback;
    }
  };
}

/** The same for notifications. */
export function guardNotification<P>(
  connection: Connection,
  name: string,
  handler: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((e: unknown) => logError(connection, name, e));
    } catch (e) {
      logError(connection, name, e);
    }
  };
}

export function logError(connection: Connection, where: string, e: unknown): void {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  try {
    connection.console.error(`usersync: ${where} failed: ${detail}`);
  } catch {
    // the connection itself is gone: nothing left to tell
  }
}

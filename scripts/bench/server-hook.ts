import type * as Http from 'http';

// The module object itself (an `import * as` namespace is a copy): the sandbox's createServer call reads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const http = require('http') as typeof Http;

/**
 * Runs `before` on every request of every HTTP server created in this process from now on, ahead of
 * the server's own handler: how the sync benchmark watches the sandbox from outside (service times,
 * the recording for the floor client) without a hook in the sandbox itself. Call before the sandbox
 * starts; each call wraps once more.
 */
export function beforeEachRequest(before: (req: Http.IncomingMessage, res: Http.ServerResponse) => void): void {
  const original = http.createServer;
  const patched = (...args: unknown[]): Http.Server => {
    const i = args.findIndex((a) => typeof a === 'function');
    if (i >= 0) {
      const handler = args[i] as Http.RequestListener;
      args[i] = (req: Http.IncomingMessage, res: Http.ServerResponse) => {
        before(req, res);
        handler(req, res);
      };
    }
    return (original as (...a: unknown[]) => Http.Server)(...args);
  };
  (http as { createServer: unknown }).createServer = patched;
}

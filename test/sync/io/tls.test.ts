import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { createHttpClient } from '../../../server/src/sync/http/client';
import { HttpError } from '../../../server/src/sync/http/errors';

const fixtures = path.join(__dirname, 'fixtures');

describe('TLS', () => {
  let server: https.Server;
  let url: string;
  before(async () => {
    server = https.createServer(
      {
        key: fs.readFileSync(path.join(fixtures, 'server.key')),
        cert: fs.readFileSync(path.join(fixtures, 'server.pem')),
      },
      (_req, res) => res.end('{"ok":true}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it('rejects a certificate from an unknown CA, without retrying', async () => {
    const events: string[] = [];
    const client = createHttpClient({
      baseUrl: url,
      maxRetries: 3,
      backoff: { baseMs: 1, maxMs: 5 },
      onEvent: (e) => events.push(e.kind),
    });
    await assert.rejects(client.getJson('/x'), (e: unknown) => e instanceof HttpError && e.status === undefined);
    assert.deepEqual(events, []);
  });

  it('trusts a private CA given as ca_file', async () => {
    const client = createHttpClient({ baseUrl: url, caFile: path.join(fixtures, 'ca.pem') });
    assert.deepEqual(await client.getJson('/x'), { ok: true });
    client.close();
  });
});

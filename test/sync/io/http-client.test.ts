import { strict as assert } from 'assert';
import { createHttpClient, type HttpClientOptions, type HttpEvent } from '../../../server/src/sync/http/client';
import { HostPinningError, HttpError, RequestAbortedError } from '../../../server/src/sync/http/errors';
import { startScriptedServer, type Reply, type ScriptedServer } from './scripted-server';

const FAST = { baseMs: 1, maxMs: 50 };
const TOKEN = 'tok-SECRET-1234567890';

describe('HTTP client', () => {
  let server: ScriptedServer;
  let script: Reply[] = [];
  let events: HttpEvent[] = [];

  before(async () => {
    server = await startScriptedServer((_req, n) => script[n - 1] ?? script[script.length - 1] ?? {});
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    events = [];
  });

  function client(extra: Partial<HttpClientOptions> = {}) {
    return createHttpClient({
      baseUrl: server.url,
      auth: async () => `Bearer ${TOKEN}`,
      backoff: FAST,
      maxRetries: 3,
      onEvent: (e) => events.push(e),
      ...extra,
    });
  }

  it('retries 429, 500, 502, 503 and 504, then returns the answer', async () => {
    script = [{ status: 429 }, { status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }, { body: { ok: 1 } }];
    const data = await client({ maxRetries: 5 }).getJson<{ ok: number }>('/x');
    assert.deepEqual(data, { ok: 1 });
    assert.equal(server.requests.length, 6);
    assert.equal(events.filter((e) => e.kind === 'retry').length, 5);
  });

  it('gives up after maxRetries with an HttpError carrying the status', async () => {
    script = [{ status: 503, body: { error: { code: 'serviceUnavailable', message: 'try later' } } }];
    await assert.rejects(client({ maxRetries: 2 }).getJson('/x'), (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.status, 503);
      assert.equal(e.vendorCode, 'serviceUnavailable');
      assert.equal(e.vendorMessage, 'try later');
      return true;
    });
    assert.equal(server.requests.length, 3);
  });

  it('requestText hands back an accepted body as received, and still reads the vendor error of a failure', async () => {
    script = [{ body: { value: [1, 2] } }];
    const res = await client().requestText({ url: '/x' });
    assert.equal(typeof res.data, 'string');
    assert.deepEqual(JSON.parse(res.data), { value: [1, 2] });
    script = [{ status: 404, body: { error: { code: 'Request_ResourceNotFound', message: 'gone' } } }];
    await assert.rejects(
      client().requestText({ url: '/x' }),
      (e: unknown) =>
        e instanceof HttpError && e.vendorCode === 'Request_ResourceNotFound' && e.vendorMessage === 'gone',
    );
  });

  it('never retries other 4xx answers', async () => {
    for (const status of [400, 403, 404, 409]) {
      server.requests.length = 0;
      script = [{ status, body: { message: 'no' } }];
      await assert.rejects(client().getJson('/x'), (e: unknown) => e instanceof HttpError && e.status === status);
      assert.equal(server.requests.length, 1, `HTTP ${status} was retried`);
    }
  });

  it('retries a Google 403 whose reason is a quota error, and not a plain 403', async () => {
    const quota = (reason: string): Reply => ({
      status: 403,
      body: { error: { code: 403, message: 'Quota', errors: [{ reason, domain: 'usageLimits' }] } },
    });
    script = [
      quota('userRateLimitExceeded'),
      quota('rateLimitExceeded'),
      quota('quotaExceeded'),
      { body: { users: [] } },
    ];
    assert.deepEqual(await client().getJson('/x'), { users: [] });
    assert.equal(server.requests.length, 4);

    server.requests.length = 0;
    script = [quota('forbidden')];
    await assert.rejects(
      client().getJson('/x'),
      (e: unknown) => e instanceof HttpError && e.vendorCode === 'forbidden',
    );
    assert.equal(server.requests.length, 1);
  });

  it('waits as long as Retry-After says', async () => {
    script = [{ status: 429, headers: { 'Retry-After': '1' } }, { body: {} }];
    await client({ backoff: { baseMs: 1, maxMs: 5000 } }).getJson('/x');
    const retry = events.find((e) => e.kind === 'retry');
    assert.equal(retry?.waitMs, 1000);
  });

  it("sleeps until Okta's X-Rate-Limit-Reset on a 429", async () => {
    const reset = Math.ceil(Date.now() / 1000) + 1;
    script = [
      { status: 429, headers: { 'X-Rate-Limit-Reset': String(reset) }, body: { errorCode: 'E0000047' } },
      { body: [] },
    ];
    const before = Date.now();
    await client({ backoff: { baseMs: 1, maxMs: 5000 } }).getJson('/x');
    const retry = events.find((e) => e.kind === 'retry');
    assert.ok(retry?.waitMs !== undefined && retry.waitMs > 0 && retry.waitMs <= reset * 1000 - before);
    assert.ok(server.requests.length === 2);
  });

  it('retries a connection reset and a timeout', async () => {
    script = [{ reset: true }, { delayMs: 400, body: {} }, { body: { fine: true } }];
    const data = await client({ timeoutMs: 100 }).getJson('/x');
    assert.deepEqual(data, { fine: true });
    const errors = events.filter((e) => e.kind === 'retry').map((e) => e.error);
    assert.equal(errors.length, 2);
  });

  it('asks for a fresh token once on 401 and retries with it', async () => {
    let issued = 0;
    const auth = async (refresh: boolean) => {
      if (refresh || issued === 0) issued++;
      return `Bearer t${issued}`;
    };
    script = [{ status: 401 }, { body: { ok: true } }];
    await client({ auth }).getJson('/x');
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      ['Bearer t1', 'Bearer t2'],
    );

    server.requests.length = 0;
    script = [{ status: 401 }];
    await assert.rejects(client({ auth }).getJson('/x'), (e: unknown) => e instanceof HttpError && e.status === 401);
    assert.equal(server.requests.length, 2, 'a second 401 is final');
  });

  it('slows down when Okta says the remaining budget is under 10%', async () => {
    const before = Date.now();
    const reset = Math.ceil(before / 1000) + 1;
    script = [
      {
        headers: { 'X-Rate-Limit-Limit': '600', 'X-Rate-Limit-Remaining': '5', 'X-Rate-Limit-Reset': String(reset) },
        body: [],
      },
      { body: [] },
    ];
    const c = client({ backoff: { baseMs: 1, maxMs: 5000 } });
    await c.getJson('/x');
    await c.getJson('/x');
    const slow = events.find((e) => e.kind === 'slowdown');
    // What is left of the window, spread over the 5 remaining requests (+1).
    assert.ok(slow?.waitMs !== undefined && slow.waitMs > 0 && slow.waitMs <= (reset * 1000 - before) / 6 + 1);
  });

  it('slows down when Graph reports x-ms-throttle-limit-percentage of 0.8 or more', async () => {
    script = [
      { headers: { 'x-ms-throttle-limit-percentage': '0.9' }, body: {} },
      { headers: { 'x-ms-throttle-limit-percentage': '0.5' }, body: {} },
    ];
    const c = client({ backoff: { baseMs: 1, maxMs: 50 } });
    await c.getJson('/x');
    await c.getJson('/x');
    assert.equal(events.filter((e) => e.kind === 'slowdown').length, 1);
  });

  it('reports URLs without secret query values in events and errors', async () => {
    script = [{ status: 400, body: { error: 'invalid_client', error_description: 'bad secret' } }];
    await assert.rejects(client().getJson('/token', { client_secret: 'hunter2-hunter2', scope: 'x' }), (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.ok(!e.message.includes('hunter2'));
      assert.ok(e.message.includes('invalid_client: bad secret'));
      return true;
    });
    assert.ok(events.every((e) => !e.url.includes('hunter2')));
  });

  it('never shows the Authorization value in an error message, toString or JSON', async () => {
    script = [{ status: 403, body: { errorCode: 'E0000006', errorSummary: 'You do not have permission' } }];
    await assert.rejects(client().getJson('/x'), (e: unknown) => {
      assert.ok(e instanceof HttpError);
      assert.equal(e.vendorCode, 'E0000006');
      for (const text of [e.message, String(e), JSON.stringify(e), e.stack ?? ''])
        assert.ok(!text.includes(TOKEN), text);
      return true;
    });
  });

  it('follows a redirect on the same origin', async () => {
    script = [{ status: 302, headers: { Location: '/y' } }, { body: { here: true } }];
    assert.deepEqual(await client().getJson('/x'), { here: true });
    assert.equal(server.requests[1].url, '/y');
    assert.equal(server.requests[1].headers.authorization, `Bearer ${TOKEN}`);
  });

  it('stops at once when cancelled during a backoff wait', async () => {
    script = [{ status: 503 }];
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    await assert.rejects(
      client({ backoff: { baseMs: 5000, maxMs: 5000 }, signal: ac.signal }).getJson('/x'),
      (e: unknown) => e instanceof RequestAbortedError,
    );
  });

  describe('host pinning', () => {
    let other: ScriptedServer;
    before(async () => {
      other = await startScriptedServer(() => ({ body: { stolen: true } }));
    });
    after(() => other.close());

    it('refuses an absolute URL on another origin and sends nothing there', async () => {
      await assert.rejects(client().getJson(`${other.url}/users?next=1`), HostPinningError);
      assert.equal(other.requests.length, 0);
    });

    it('treats a redirect to another origin as a HostPinningError', async () => {
      script = [{ status: 307, headers: { Location: `${other.url}/steal` } }];
      await assert.rejects(client().getJson('/x'), HostPinningError);
      assert.equal(other.requests.length, 0);
    });

    it('tells apart origins that differ only in the port', async () => {
      assert.equal(new URL(other.url).hostname, new URL(server.url).hostname);
      await assert.rejects(client().getJson(`${other.url}/x`), HostPinningError);
      assert.equal(other.requests.length, 0);
    });
  });
});

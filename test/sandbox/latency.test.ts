import { strict as assert } from 'assert';
import { performance } from 'perf_hooks';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';

/**
 * The sandbox's latency is the time a request takes, counted from its arrival: the simulator works out the
 * answer within it, and the answer leaves when the latency has passed (or when the work is done, if that
 * takes longer). Lower bounds only: how much later than the latency an answer comes is the machine's.
 */
describe('sandbox: latency per request', () => {
  const open: Sandbox[] = [];
  const start = async (options: Omit<Parameters<typeof startSandbox>[0], 'users'>) => {
    const sb = await startSandbox({ users: 20, seed: 'latency', rateLimits: false, ...options });
    open.push(sb);
    return sb;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((sb) => sb.close()));
  });

  const companion = (sb: Sandbox) => `${sb.urls.jira}/rest/scriptrunner/latest/custom/usersync/users`;
  const auth = (sb: Sandbox) => ({ Authorization: `Bearer ${sb.credentials.jira.token}` });
  const read = (sb: Sandbox) => fetch(`${companion(sb)}?username=x`, { headers: auth(sb) });

  it('answers once the latency has passed since the request was sent', async () => {
    const sb = await start({ latencyMs: 150 });
    const sent = performance.now();
    assert.equal((await read(sb)).status, 200);
    assert.ok(performance.now() - sent >= 145, `${performance.now() - sent} ms`);
  });

  it('works out the answer within the latency: a write is applied before its answer leaves', async () => {
    const sb = await start({ latencyMs: 400 });
    const person = sb.people().find((p) => sb.jiraUser(p.email))!;
    const sent = performance.now();
    const answer = fetch(companion(sb), {
      method: 'POST',
      headers: { ...auth(sb), 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: [{ username: person.email, set: { properties: { Department: 'Early' } } }] }),
    });
    while (sb.jiraUser(person.email)?.properties.Department !== 'Early') {
      assert.ok(performance.now() - sent < 200, 'the write was not applied within half the latency');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.equal((await answer).status, 200);
    assert.ok(performance.now() - sent >= 395, `${performance.now() - sent} ms`);
  });

  it('adds a slow fault to the latency', async () => {
    const sb = await start({ latencyMs: 100, faults: 'slow=1,slowms=100' });
    const sent = performance.now();
    assert.equal((await read(sb)).status, 200);
    assert.ok(performance.now() - sent >= 195, `${performance.now() - sent} ms`);
    assert.equal(sb.stats().faults.slow, 1);
  });
});

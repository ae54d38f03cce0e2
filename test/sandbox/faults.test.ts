import { strict as assert } from 'assert';
import { parseFaults } from '../../server/src/sandbox/faults';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { call } from './helpers';

/** Statuses of `n` sequential companion reads ('reset' when the socket was destroyed). */
async function statuses(sb: Sandbox, n: number): Promise<string[]> {
  const out: string[] = [];
  const url = `${sb.urls.jira}/rest/scriptrunner/latest/custom/usersync/users?username=x`;
  for (let i = 0; i < n; i++) {
    try {
      out.push(
        String((await fetch(url, { headers: { Authorization: `Bearer ${sb.credentials.jira.token}` } })).status),
      );
    } catch {
      out.push('reset');
    }
  }
  return out;
}

describe('sandbox: injected faults', () => {
  const open: Sandbox[] = [];
  const start = async (options: Parameters<typeof startSandbox>[0]) => {
    const sb = await startSandbox({ users: 10, ...options });
    open.push(sb);
    return sb;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((sb) => sb.close()));
  });

  it('parses a spec of per-request rates and refuses malformed ones', () => {
    assert.deepEqual(parseFaults('429=0.05, 500=0.02,503=0.02,reset=0.01,slow=0.02,slowms=100'), {
      rates: { '429': 0.05, '500': 0.02, '503': 0.02, reset: 0.01, slow: 0.02 },
      slowMs: 100,
    });
    assert.throws(() => parseFaults('418=0.1'), /unknown fault "418"/);
    assert.throws(() => parseFaults('429=2'), /between 0 and 1/);
    assert.throws(() => parseFaults('429=0.6,500=0.6'), /more than 1/);
    assert.throws(() => parseFaults('429'), /expected kind=rate/);
  });

  it('injects the same faults for the same seed and request order, and others for another seed', async () => {
    const spec = '429=0.2,500=0.1,503=0.1,reset=0.1';
    const a = await statuses(await start({ seed: 'f1', faults: spec }), 40);
    const b = await statuses(await start({ seed: 'f1', faults: spec }), 40);
    const c = await statuses(await start({ seed: 'f2', faults: spec }), 40);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    for (const s of ['200', '429', '500', '503', 'reset']) assert.ok(a.includes(s), `${s} in ${a.join(' ')}`);
  });

  it('answers 429 the way each vendor does: Retry-After, Okta X-Rate-Limit-Reset, Google 403', async () => {
    const sb = await start({ faults: '429=1' });
    const jira = await call(`${sb.urls.jira}/rest/api/2/user?username=x`, {
      headers: { Authorization: `Bearer ${sb.credentials.jira.token}` },
    });
    assert.equal(jira.status, 429);
    assert.ok(Number(jira.headers.get('retry-after')) >= 1);
    const okta = await call(`${sb.urls.okta}/api/v1/users`, {
      headers: { Authorization: `SSWS ${sb.credentials.okta.token}` },
    });
    assert.equal(okta.status, 429);
    assert.equal(okta.body.errorCode, 'E0000047');
    assert.ok(Number(okta.headers.get('x-rate-limit-reset')) >= Math.floor(Date.now() / 1000));
    const google = await call(`${sb.urls.googleApi}/admin/directory/v1/users?customer=my_customer`);
    assert.equal(google.status, 403);
    assert.equal(google.body.error.errors[0].reason, 'userRateLimitExceeded');
    const graph = await call(`${sb.urls.graph}/v1.0/users`);
    assert.equal(graph.status, 429);
    assert.ok(graph.headers.get('retry-after'));
  });

  it('never faults health checks', async () => {
    const sb = await start({ faults: '500=1' });
    const health = await call(`${sb.urls.jira}/rest/scriptrunner/latest/custom/usersync/health`, {
      headers: { Authorization: `Bearer ${sb.credentials.jira.token}` },
    });
    assert.equal(health.status, 200);
  });

  it('decides before the handler runs, so a faulted write changes nothing', async () => {
    const sb = await start({ faults: '503=1' });
    const p = sb.people().find((x) => sb.jiraUser(x.email))!;
    const before = sb.jiraUser(p.email)!.properties;
    const res = await call(`${sb.urls.jira}/rest/scriptrunner/latest/custom/usersync/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sb.credentials.jira.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: [{ username: p.email, set: { properties: { Department: 'Faulted' } } }] }),
    });
    assert.equal(res.status, 503);
    assert.deepEqual(sb.jiraUser(p.email)!.properties, before);
    sb.setFaults(undefined);
    assert.deepEqual(await statuses(sb, 3), ['200', '200', '200']);
  });

  it('answers slow requests normally, only later, and counts every fault', async () => {
    const sb = await start({ faults: 'slow=1,slowms=20' });
    assert.deepEqual(await statuses(sb, 2), ['200', '200']);
    assert.equal(sb.stats().faults.slow, 2);
    assert.equal(sb.stats().requests.jira?.['GET /rest/scriptrunner/latest/custom/usersync/users'], 2);
  });
});

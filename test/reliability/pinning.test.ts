import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TOKEN_ENV } from '../../server/src/sandbox/config-out';
import { cli } from './cli-capture';
import { recordingServer, type Answer, type RecordingServer, type Seen } from './recording-server';
import { startRig, type SandboxRig } from './sandbox-runs';

/**
 * The credentials go to the configured origin only, end to end through `usersync preview`: a Graph
 * @odata.nextLink, an Okta Link rel="next" and a redirect of the target, each pointing at a second
 * 127.0.0.1 server on another port. The CLI stops with a one-line error and that server is never asked.
 */

describe('the Authorization header never leaves the configured host (through the CLI)', function () {
  this.timeout(30_000);
  let rig: SandboxRig;
  let foreign: RecordingServer;
  let idp: RecordingServer;

  const handler = (r: Seen): Answer => {
    if (r.method === 'POST' && r.url.includes('/oauth2/v2.0/token'))
      return { body: { token_type: 'Bearer', expires_in: 3599, access_token: 'AT-from-the-fake-login' } };
    if (r.url.startsWith('/graph/v1.0/users'))
      return {
        body: {
          value: [{ id: '1', mail: 'a@contoso.com', userPrincipalName: 'a@contoso.com', department: 'R&D' }],
          '@odata.nextLink': `${foreign.url}/v1.0/users?$skiptoken=next`,
        },
      };
    if (r.url.startsWith('/okta/api/v1/users'))
      return {
        headers: { Link: `<${foreign.url}/api/v1/users?after=00u1>; rel="next"` },
        body: [{ id: '00u1', status: 'ACTIVE', profile: { login: 'a@contoso.com', department: 'R&D' } }],
      };
    if (r.url.startsWith('/moved')) return { status: 302, headers: { Location: `${foreign.url}${r.url}` } };
    return { status: 404, body: { message: 'no such route' } };
  };

  before(async () => {
    rig = await startRig({ users: 20, seed: 'pinning' });
    foreign = await recordingServer(() => ({ body: { value: [], users: [], missing: [] } }));
    idp = await recordingServer(handler);
  });
  after(async () => {
    await rig?.close();
    await foreign?.close();
    await idp?.close();
  });
  beforeEach(() => (foreign.seen.length = 0));

  const TOKEN = `env("${TOKEN_ENV}")`;
  const target = (url: string) => `  target jira { url = "${url}"  token = ${TOKEN} }`;
  const write = (name: string, source: string, targetUrl: string, match: string) => {
    const file = path.join(rig.dir, `${name}.usersync`);
    fs.writeFileSync(
      file,
      [
        `connector ${name} {`,
        source,
        target(targetUrl),
        `  match username = ${match}`,
        `  map property "Department" = ${match.includes('profile') ? 'profile.department' : 'department'}`,
        '}',
        '',
      ].join('\n'),
    );
    return file;
  };
  const preview = (file: string) => cli(['preview', file, '--format', 'json'], { [TOKEN_ENV]: rig.token });

  it('refuses a Graph @odata.nextLink to another port', async () => {
    const c = rig.sandbox.credentials.azure;
    const file = write(
      'graph_next',
      `  source azure { tenant = "${c.tenant}"  client_id = "${c.clientId}"  client_secret = ${TOKEN}  login_url = "${idp.url}"  graph_url = "${idp.url}/graph" }`,
      rig.sandbox.urls.jira,
      'lower(mail)',
    );
    const r = await preview(file);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /refusing to follow http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users.*not on the configured origin/);
    assert.ok(
      idp.seen.some((s) => s.url.startsWith('/graph/v1.0/users')),
      'the first page was read',
    );
    assert.deepEqual(foreign.seen, []);
  });

  it('refuses an Okta Link rel="next" to another port', async () => {
    const file = write(
      'okta_next',
      `  source okta { org_url = "${idp.url}/okta"  token = ${TOKEN} }`,
      rig.sandbox.urls.jira,
      'lower(profile.login)',
    );
    const r = await preview(file);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /refusing to follow .*not on the configured origin/);
    assert.deepEqual(foreign.seen, []);
  });

  it('refuses a redirect of the target to another port', async () => {
    const file = write(
      'target_moved',
      `  source okta { org_url = "${rig.sandbox.urls.okta}"  token = ${TOKEN} }`,
      `${idp.url}/moved`,
      'lower(profile.login)',
    );
    const r = await preview(file);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /refusing to follow .*not on the configured origin/);
    assert.ok(idp.seen.some((s) => s.url.startsWith('/moved') && s.headers.authorization === `Bearer ${rig.token}`));
    assert.deepEqual(foreign.seen, []);
  });
});

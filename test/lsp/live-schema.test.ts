import { strict as assert } from 'assert';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { startSandbox, type Sandbox } from '../../server/src/sandbox/server';
import { LspClient } from './lsp-client';

/** Live schema end to end: the server process reads the Okta simulator's schema when allowed to. */
describe('language server with live schema', function () {
  this.timeout(20_000);
  let sb: Sandbox;

  before(async () => {
    sb = await startSandbox({ users: 3, rateLimits: false });
  });
  after(() => sb.close());

  function config(): string {
    return [
      'connector okta_jira {',
      `  source okta { org_url = "${sb.urls.okta}"  token = env("USERSYNC_TEST_OKTA_TOKEN") }`,
      '  target jira { url = "https://jira.contoso.com"  token = env("JIRA_TOKEN") }',
      '  match username = profile.login',
      '  map property "Badge" = profile.badgeNumbr',
      '  map property "X" = profile.',
      '}',
      '',
    ].join('\n');
  }

  async function waitFor(client: LspClient, uri: string, pred: (codes: string[]) => boolean): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const last = [...client.published].reverse().find((p) => p.uri === uri);
      const codes = (last?.diagnostics ?? []).map((d) => String(d.code));
      if (pred(codes) || Date.now() > deadline) return codes;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('uses the custom attributes of the IdP for findings and completion in a trusted workspace', async () => {
    const client = LspClient.start({ ...process.env, USERSYNC_TEST_OKTA_TOKEN: sb.credentials.okta.token });
    try {
      await client.initialize(undefined, { trusted: true, liveSchema: { enabled: true } });
      const uri = 'file:///work/live.usersync';
      await client.open(uri, config());
      const codes = await waitFor(client, uri, (c) => c.includes('unknown-custom-attribute'));
      assert.ok(codes.includes('unknown-custom-attribute'), codes.join());
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 5, character: 29 },
      });
      assert.ok(
        list.items.some((i) => i.label === 'badgeNumber' && /custom/.test(i.detail ?? '')),
        list.items.map((i) => i.label).join(),
      );
    } finally {
      await client.stop();
    }
  });

  it('reports one information finding on the source when the schema cannot be read', async () => {
    const client = LspClient.start({ ...process.env, USERSYNC_TEST_OKTA_TOKEN: 'not-the-token' });
    try {
      await client.initialize(undefined, { trusted: true, liveSchema: { enabled: true } });
      const uri = 'file:///work/live-fail.usersync';
      await client.open(uri, config());
      const codes = await waitFor(client, uri, (c) => c.includes('live-schema-unavailable'));
      assert.equal(codes.filter((c) => c === 'live-schema-unavailable').length, 1);
      assert.ok(!codes.includes('unknown-custom-attribute'), 'without the schema custom names are accepted');
      const d = [...client.published]
        .reverse()
        .find((p) => p.uri === uri)
        ?.diagnostics.find((x) => x.code === 'live-schema-unavailable');
      assert.equal(d?.severity, 3);
      assert.equal(d?.range.start.line, 1);
      assert.doesNotMatch(d?.message ?? '', /not-the-token/);
    } finally {
      await client.stop();
    }
  });

  it('reads nothing until the workspace is trusted, then reads on `usersync/trust`', async () => {
    const client = LspClient.start({ ...process.env, USERSYNC_TEST_OKTA_TOKEN: sb.credentials.okta.token });
    try {
      await client.initialize(undefined, { trusted: false, liveSchema: { enabled: true } });
      const uri = 'file:///work/live-trust.usersync';
      await client.open(uri, config());
      const before = await client.diagnostics(uri, 1);
      assert.ok(!before.some((d) => d.code === 'unknown-custom-attribute' || d.code === 'live-schema-unavailable'));
      await client.connection.sendNotification('usersync/trust', { trusted: true });
      const codes = await waitFor(client, uri, (c) => c.includes('unknown-custom-attribute'));
      assert.ok(codes.includes('unknown-custom-attribute'), codes.join());
    } finally {
      await client.stop();
    }
  });
});

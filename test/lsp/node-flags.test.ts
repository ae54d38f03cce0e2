import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { readFileSync } from 'fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';
import { initializeBare, SERVER } from './lsp-client';

describe('the language server process runs with its memory flags', function () {
  this.timeout(20_000);

  it('the launcher carries exactly the flags the VS Code client passes', () => {
    const shebang = readFileSync(SERVER, 'utf8').split('\n')[0];
    assert.equal(shebang, `#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
  });

  it('started as an executable (as an editor runs `usersync-language-server --stdio`), node gets them', async () => {
    const child = spawn(SERVER, ['--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    try {
      const init = await initializeBare(connection);
      assert.equal(init.serverInfo?.name, 'usersync-language-server');
      const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      assert.deepEqual(
        argv.filter((a) => a.startsWith('--') && a !== '--stdio'),
        SERVER_NODE_FLAGS,
      );
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

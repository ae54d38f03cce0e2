import { strict as assert } from 'assert';
import { fork } from 'child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { initializeBare, SERVER } from './lsp-client';

describe('language server transports', function () {
  this.timeout(20_000);

  it('speaks over node IPC with --node-ipc (as VS Code starts it)', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const init = await initializeBare(connection);
      assert.equal(init.serverInfo?.name, 'usersync-language-server');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ENGINE_NODE_FLAGS } from '../../server/src/cli/node-flags';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'usersync.js');

describe('the usersync CLI runs with its memory flag', () => {
  it('the launcher carries exactly the engine flags', () => {
    const shebang = readFileSync(CLI, 'utf8').split('\n')[0];
    assert.equal(shebang, `#!/usr/bin/env -S node ${ENGINE_NODE_FLAGS.join(' ')}`);
  });

  it('started as an executable, node accepts them and the CLI answers', function () {
    this.timeout(20_000);
    const out = execFileSync(CLI, ['--version'], { encoding: 'utf8' });
    assert.match(out, /\d+\.\d+\.\d+/);
  });
});

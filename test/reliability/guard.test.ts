import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TOKEN_ENV } from '../../server/src/sandbox/config-out';
import { Journal } from '../../server/src/sync/journal/journal';
import { cli } from './cli-capture';
import { startRig, targetState, type SandboxRig } from './sandbox-runs';

/**
 * The clear guard as a user meets it: a mapping edited to an attribute nobody has, under
 * on_empty = clear, would clear Department for every user; the run stops before writing.
 */

describe('the clear guard against a mapping that would clear a field for everyone', function () {
  this.timeout(30_000);
  let rig: SandboxRig;
  before(async () => (rig = await startRig({ users: 300, seed: 'guard' })));
  after(() => rig?.close());

  it('exits 3, writes nothing and journals the run as guarded', async () => {
    const edited = fs
      .readFileSync(rig.config, 'utf8')
      .replace('on_empty = keep', 'on_empty = clear')
      // an Entra ID attribute that exists, but that no sandbox user has a value for
      .replace(
        /map property "Department"\s*= department/,
        'map property "Department" = onPremisesExtensionAttributes.extensionAttribute9',
      );
    assert.match(edited, /extensionAttribute9/);
    const config = path.join(rig.dir, 'guarded.usersync');
    fs.writeFileSync(config, edited);
    const before = targetState(rig.sandbox);
    const holding = (before.jira as { properties: Record<string, string> }[]).filter((u) => u.properties.Department);
    assert.ok(holding.length > 100, 'many Jira users hold a Department today');

    const env = { [TOKEN_ENV]: rig.token };
    const r = await cli(['run', config, '--connector', 'sandbox_azure_jira', '--yes', '--state', rig.state], env);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /guarded — the plan clears values of \d+ of \d+ users/);
    assert.match(r.stderr, /stopped by the clear guard; nothing was written/);
    assert.deepEqual(targetState(rig.sandbox), before, 'nothing written');
    const posts = rig.sandbox.stats().requests.jira?.['POST /rest/scriptrunner/latest/custom/usersync/users'] ?? 0;
    assert.equal(posts, 0, 'no write request was sent');

    const journal = Journal.open(rig.state);
    try {
      const [run] = journal.runs(1);
      assert.equal(run.status, 'guarded');
      assert.deepEqual(journal.writesOf(run.id), []);
    } finally {
      journal.close();
    }
  });
});

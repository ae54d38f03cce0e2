import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, loadConfig } from '../../../server/src/sync/engine/load-config';
import { removeDir, tempDir } from './tmp';

/**
 * One file, two connectors, and a pod that holds one connector's credentials: `--connector` runs that
 * connector (docs/operations.md, "A fleet larger than one machine"); without it, or for the other one,
 * the unresolved settings are listed with their places.
 */

const FILE = `connector alpha {
  source okta { org_url = "https://alpha.okta.com"  token = env("ALPHA_OKTA_TOKEN") }
  target jira { url = "https://jira.contoso.com"  token = env("ALPHA_JIRA_PAT") }
  match username = lower(profile.login)
  map property "Department" = profile.department
}

connector beta {
  source okta { org_url = "https://beta.okta.com"  token = env("BETA_OKTA_TOKEN") }
  target confluence { url = "https://wiki.contoso.com"  token = env("BETA_WIKI_PAT") }
  match username = lower(profile.login)
  map profile department = profile.department
}
`;

/** alpha resolves; beta's Okta token resolves but its Confluence PAT is not in this pod. */
const ENV = {
  ALPHA_OKTA_TOKEN: 'alpha-okta-9f1c',
  ALPHA_JIRA_PAT: 'alpha-pat-3b7e',
  BETA_OKTA_TOKEN: 'beta-okta-5d2a',
};

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `a ConfigError, not ${String(e)}`);
    return e.message;
  }
  assert.fail('loadConfig did not refuse the file');
}

describe('loadConfig with --connector', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'fleet.usersync');
    fs.writeFileSync(file, FILE);
  });
  afterEach(() => removeDir(dir));

  it('runs the chosen connector when only its settings resolve', () => {
    const config = loadConfig(file, { env: ENV, connector: 'alpha' });
    assert.deepEqual(
      config.connectors.map((c) => c.name),
      ['alpha'],
    );
    assert.equal(config.connectors[0].target.settings.token, 'alpha-pat-3b7e');
  });

  it('still redacts the credentials of the connectors it does not run', () => {
    const config = loadConfig(file, { env: ENV, connector: 'alpha' });
    const text = config.redact('alpha-pat-3b7e and beta-okta-5d2a');
    assert.ok(!text.includes('alpha-pat-3b7e'), text);
    assert.ok(!text.includes('beta-okta-5d2a'), text);
  });

  it('refuses the whole file without --connector, naming the setting that does not resolve and its place', () => {
    const message = messageOf(() => loadConfig(file, { env: ENV }));
    assert.match(message, /fleet\.usersync has 1 error:/);
    assert.match(message, /fleet\.usersync:10:65 setting beta: target confluence: token: .*BETA_WIKI_PAT is not set/);
  });

  it('refuses the chosen connector when its own settings do not resolve, and lists only those', () => {
    const message = messageOf(() => loadConfig(file, { env: { ALPHA_OKTA_TOKEN: 'x' }, connector: 'beta' }));
    assert.match(message, /has 2 errors:/);
    assert.match(message, /setting beta: source okta: token/);
    assert.match(message, /setting beta: target confluence: token/);
    assert.doesNotMatch(message, /setting alpha/);
  });

  it('names every connector of the file when the chosen one is not there, those that do not resolve too', () => {
    const message = messageOf(() => loadConfig(file, { env: ENV, connector: 'gamma' }));
    assert.match(message, /has no connector 'gamma' \(connectors: alpha, beta\)/);
  });

  it('still refuses a file with an error in a connector it does not run', () => {
    fs.writeFileSync(file, FILE.replace('map profile department', 'map profile shoe_size'));
    const message = messageOf(() => loadConfig(file, { env: ENV, connector: 'alpha' }));
    assert.match(message, /fleet\.usersync:12:15 unknown-profile-field /);
  });
});

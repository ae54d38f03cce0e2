import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TOKEN_ENV, writeSandboxConfig } from '../../server/src/sandbox/config-out';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../server/src/sandbox/server';
import type { AtlassianUser } from '../../server/src/sandbox/targets';
import { loadConfig } from '../../server/src/sync/engine/load-config';
import type { RunReport } from '../../server/src/sync/engine/report';
import { applyPlanned, planConnector } from '../../server/src/sync/engine/run';
import { Journal } from '../../server/src/sync/journal/journal';
import type { Plan } from '../../server/src/sync/plan/plan-types';

/**
 * A sandbox with its generated config (azure→jira, okta→confluence, google→jira) in a temp folder,
 * and full runs of every connector through the engine API with a short backoff. What the fault and
 * kill specifications share.
 */

export interface SandboxRig {
  sandbox: Sandbox;
  dir: string;
  config: string;
  state: string;
  token: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** A token shaped like a real one, so that the secret scans have something distinctive to look for. */
export const SANDBOX_TOKEN = 'sbx_Rel1ab1l1ty_7fQ2mZ9kX4pL8wN3vB6c';

export async function startRig(options: SandboxOptions, token = SANDBOX_TOKEN): Promise<SandboxRig> {
  const sandbox = await startSandbox({ rateLimits: false, ...options, token });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usersync-reliability-'));
  const config = path.join(dir, 'sandbox.usersync');
  writeSandboxConfig(sandbox, config);
  return {
    sandbox,
    dir,
    config,
    state: path.join(dir, '.usersync', 'state.db'),
    token,
    env: { ...process.env, [TOKEN_ENV]: token },
    close: async () => {
      await sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ConnectorRun {
  plan: Plan;
  report: RunReport;
}

/** Backoff for tests: short, but never shorter than the 1 s Retry-After the sandbox sends (it is honoured). */
export const TEST_HTTP = { maxRetries: 6, backoff: { baseMs: 10, maxMs: 5000 } };

/** Plans and applies every connector of the rig's config, journaled in its state file. */
export async function runAll(rig: SandboxRig, http = TEST_HTTP, pageSize?: number): Promise<ConnectorRun[]> {
  const loaded = loadConfig(rig.config, { env: rig.env });
  const journal = Journal.open(rig.state, { redact: loaded.redact });
  const runs: ConnectorRun[] = [];
  try {
    for (const connector of loaded.connectors) {
      const planned = await planConnector(connector, { configDir: rig.dir, io: { http, pageSize } });
      const report = await applyPlanned(planned, { journal });
      runs.push({ plan: planned.plan, report });
    }
  } finally {
    journal.close();
  }
  return runs;
}

/** Both targets' users as comparable plain data: keys sorted (write order does not matter), entity as pairs. */
export function targetState(sandbox: Sandbox): { jira: unknown[]; confluence: unknown[] } {
  const sorted = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  const plain = (u: AtlassianUser) => ({
    ...u,
    properties: sorted(u.properties),
    profile: sorted(u.profile),
    entity: [...u.entity].sort(),
  });
  return { jira: sandbox.jiraUsers().map(plain), confluence: sandbox.confluenceUsers().map(plain) };
}

/** Usernames whose target record differs between two states. */
export function differingUsers(a: { jira: unknown[]; confluence: unknown[] }, b: typeof a): string[] {
  const out: string[] = [];
  for (const product of ['jira', 'confluence'] as const) {
    const other = new Map(b[product].map((u) => [(u as AtlassianUser).username, JSON.stringify(u)]));
    for (const u of a[product]) {
      const name = (u as AtlassianUser).username;
      if (other.get(name) !== JSON.stringify(u)) out.push(`${product}:${name}`);
    }
  }
  return out;
}

import { Command } from 'commander';
import { checkSandboxFilesFree, SandboxFileExists, TOKEN_ENV, writeSandboxConfig } from '../sandbox/config-out';
import { parseFaults, FaultSpec } from '../sandbox/faults';
import { Sandbox, startSandbox } from '../sandbox/server';
import { CliError } from './cli-error';
import { columns, printer } from './output/printer';

/**
 * `usersync sandbox`: local simulators of Entra ID/Graph, Okta, Google Directory, Jira and Confluence,
 * to try a config before production. Prints the URLs (never the token), writes a config on request,
 * and runs until SIGINT/SIGTERM.
 */

interface Options {
  users: string;
  seed: string;
  latency: string;
  faults?: string;
  port: string;
  configOut?: string;
  rateLimits: boolean;
}

function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim())) throw new CliError(`${flag} must be a whole number, not "${value}"`);
  return Number(value);
}

export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('run local simulators of every vendor API, to try a config before production')
    .option('--users <n>', 'number of generated people', '50')
    .option('--seed <s>', 'seed for people, target state and faults', '1')
    .option('--latency <ms>', 'time each answer takes, counted from the request (the simulator works within it)', '0')
    .option('--faults <spec>', 'injected faults per request, e.g. "429=0.05,500=0.02,503=0.02,reset=0.01,slow=0.02"')
    .option('--port <p>', 'port to listen on (0 = any free port)', '0')
    .option('--config-out <file>', 'write a .usersync for the sandbox (and its Google key beside it)')
    .option('--no-rate-limits', 'turn off the simulated throttling')
    .addHelpText(
      'after',
      `\nCredentials: every simulator accepts the value of ${TOKEN_ENV} (a built-in default when unset).`,
    )
    .action(async (opts: Options) => {
      let faults: FaultSpec | undefined;
      try {
        faults = opts.faults === undefined ? undefined : parseFaults(opts.faults);
      } catch (e) {
        throw new CliError(`--faults: ${(e as Error).message}`);
      }
      if (opts.configOut) {
        try {
          checkSandboxFilesFree(opts.configOut);
        } catch (e) {
          if (e instanceof SandboxFileExists) throw new CliError(`--config-out: ${e.message}; give another path`, 2);
          throw e;
        }
      }
      const sandbox = await start({
        users: wholeNumber(opts.users, '--users'),
        seed: /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed,
        latencyMs: wholeNumber(opts.latency, '--latency'),
        port: wholeNumber(opts.port, '--port'),
        faults,
        rateLimits: opts.rateLimits ? undefined : false,
      });
      const token = sandbox.credentials.token;
      const p = printer((text) => text.split(token).join('***'));
      try {
        describe(sandbox, p.out);
        if (opts.configOut) {
          const written = writeSandboxConfig(sandbox, opts.configOut);
          p.out(`Wrote ${written.config} (Google key: ${written.googleKey}). Set ${TOKEN_ENV} before running it.`);
        }
        p.out('Running; press Ctrl+C to stop.');
        await untilSignal();
      } finally {
        await sandbox.close();
      }
      p.out('Sandbox stopped.');
    });
}

async function start(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  try {
    return await startSandbox(options);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${options?.port} is already in use`);
    throw new CliError(`cannot start the sandbox: ${(e as Error).message}`);
  }
}

function describe(s: Sandbox, out: (text: string) => void): void {
  const c = s.credentials;
  out(`usersync sandbox: ${s.users} people (seed ${s.seed}) at ${s.url}`);
  for (const line of columns([
    ['Entra ID login', s.urls.azureLogin, `tenant ${c.azure.tenant}, client_id ${c.azure.clientId}`],
    ['Microsoft Graph', s.urls.graph, `directory extension ${s.graphExtension}`],
    ['Okta', s.urls.okta, `SSWS token, or client_id ${c.okta.clientId} with private_key_jwt`],
    ['Google token', s.urls.googleToken, `service account ${c.google.serviceAccountKey.client_email}`],
    ['Google Directory', s.urls.googleApi, `customer ${c.google.customer}, admin ${c.google.adminEmail}`],
    ['Jira', s.urls.jira, 'companion at /rest/scriptrunner/latest/custom/usersync'],
    ['Confluence', s.urls.confluence, 'companion at /rest/scriptrunner/latest/custom/usersync'],
  ])) {
    out(`  ${line}`);
  }
  out(
    process.env[TOKEN_ENV]
      ? `Credentials: the value of ${TOKEN_ENV} (Azure client secret, Okta SSWS token, Jira/Confluence PATs).`
      : `Credentials: ${TOKEN_ENV} is unset, so the sandbox uses its built-in default; export ${TOKEN_ENV}=<any value> before starting it to run a config against it.`,
  );
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

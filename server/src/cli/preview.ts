import * as path from 'path';
import { Command, Option } from 'commander';
import { planConnector } from '../sync/engine/run';
import { printer } from './output/printer';
import { planMarkdown } from './output/plan-markdown';
import { renderPlan, planJson, type ConnectorPlanView } from './output/plan-view';
import { asCliError, openConfig } from './sync-common';

/**
 * `usersync preview <file>`: reads the IdP and the target and shows what a run would change. Never
 * writes, never opens the state file (--state is accepted so preview and run take the same flags).
 */
export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('show what a run would change, without writing')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .option('--connector <name>', 'only this connector')
    .option('--user <login>', 'only this IdP user (UPN, Okta login or Google primary email)')
    .addOption(
      new Option('--pinned', 'only the pinned users (`user "…"` lines): a safe first rollout').conflicts('user'),
    )
    .addOption(
      new Option('--format <format>', 'text, json, or markdown (a pull request comment)')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option('--state <path>', 'state file (accepted for symmetry with run; preview does not use it)')
    .option('--verbose', 'log HTTP retries and waits to stderr')
    .action(
      async (
        file: string,
        opts: {
          connector?: string;
          user?: string;
          pinned?: boolean;
          format: 'text' | 'json' | 'markdown';
          verbose?: boolean;
        },
      ) => {
        const config = openConfig(file, opts.connector);
        const p = printer(config.redact);
        const views: ConnectorPlanView[] = [];
        try {
          for (const connector of config.connectors) {
            const planned = await planConnector(connector, {
              configDir: path.dirname(config.file),
              user: opts.user,
              pinned: opts.pinned,
              log: (level, message) => (opts.verbose || level !== 'info' ? p.err(`${level}: ${message}`) : undefined),
            });
            views.push({
              connector: connector.name,
              target: connector.target.type,
              plan: planned.plan,
              pinned: opts.pinned && opts.user === undefined ? connector.users : undefined,
            });
          }
        } catch (e) {
          throw asCliError(e, config.redact);
        }
        p.out(
          opts.format === 'json'
            ? planJson(views)
            : opts.format === 'markdown'
              ? planMarkdown(views)
              : renderPlan(views),
        );
      },
    );
}

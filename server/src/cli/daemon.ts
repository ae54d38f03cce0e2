import * as path from 'path';
import { Command } from 'commander';
import { CliError } from './cli-error';
import { NoScheduleError, runDaemon } from '../sync/engine/daemon';
import { daemonMetrics, serveMetrics } from '../sync/engine/daemon-metrics';
import type { LogFn } from '../sync/engine/events';
import type { LoadedConfig } from '../sync/engine/load-config';
import { printer } from './output/printer';
import { abortOnSignals, ageOption, openConfig, openJournal } from './sync-common';

/**
 * `usersync daemon <file> [--connector <name>]`: runs each connector (or the one named) on its `schedule`
 * until SIGTERM/SIGINT, which stop scheduling, let the write in flight finish, close the journal and exit 0.
 * SIGHUP reads the file again: a configuration without errors replaces the one in use once the run in flight
 * has finished; one with errors is logged and refused, and the one in use goes on. Timestamped log lines on
 * stdout (errors on stderr), redacted with the secrets of every configuration loaded.
 */
interface DaemonFlags {
  connector?: string;
  state?: string;
  pruneOlderThan?: number;
  metrics?: { host: string; port: number };
}

/** `9464`, `0.0.0.0:9464` or `[::1]:9464`: where --metrics listens (127.0.0.1 when no host is given). */
function listenOption(value: string): { host: string; port: number } {
  const m = /^(?:\[?([^\]]*?)\]?:)?(\d{1,5})$/.exec(value.trim());
  const port = Number(m?.[2]);
  if (!m || port > 65535)
    throw new CliError(`--metrics takes [host:]port, such as 9464 or 0.0.0.0:9464, not '${value}'`, 2);
  return { host: m[1] || '127.0.0.1', port };
}

export function registerDaemon(program: Command): void {
  program
    .command('daemon')
    .description('run connectors on their schedules until stopped (SIGHUP reloads the file)')
    .argument('<file>', 'the .usersync or .usersync.yaml file')
    .option('--connector <name>', 'only this connector (only its credentials are needed)')
    .option('--state <path>', 'state file (default .usersync/state.db beside the config)')
    .option(
      '--prune-older-than <age>',
      'once a day, after a run, remove runs that ended longer ago than this (90d, 12w)',
      ageOption('--prune-older-than'),
    )
    .option(
      '--metrics <[host:]port>',
      'serve Prometheus metrics at /metrics (host 127.0.0.1 unless given)',
      listenOption,
    )
    .action(async (file: string, opts: DaemonFlags) => {
      let config = openConfig(file, opts.connector);
      const redactors = [config.redact];
      const redact = (text: string): string => redactors.reduce((t, r) => r(t), text);
      const p = printer(redact);
      const base = openJournal(config, opts.state);
      const stamp = (level: string, message: string): string =>
        `${new Date().toISOString()} ${level.padEnd(5)} ${message}`;
      const log: LogFn = (level, message) =>
        level === 'error' ? p.err(stamp(level, message)) : p.out(stamp(level, message));
      const stop = abortOnSignals((sig) => p.out(stamp('info', `received ${sig} (send it again to quit at once)`)));
      let reload = new AbortController();
      let next: LoadedConfig | undefined;
      const onHangup = (): void => {
        log('info', `received SIGHUP: reading ${file} again`);
        try {
          const loaded = openConfig(file, opts.connector);
          if (!loaded.connectors.some((c) => c.schedule)) throw new NoScheduleError();
          redactors.push(loaded.redact);
          next = loaded;
          reload.abort();
        } catch (e) {
          log('error', `reload refused; the configuration in use goes on: ${(e as Error).message}`);
        }
      };
      process.on('SIGHUP', onHangup);
      let metrics: { close: () => Promise<void> } | undefined;
      try {
        if (opts.metrics) {
          const source = daemonMetrics(base, () => config.connectors.filter((c) => c.schedule).map((c) => c.name));
          const served = await serveMetrics(source, opts.metrics.host, opts.metrics.port).catch((e: unknown) => {
            throw new CliError(
              `--metrics: cannot listen on ${opts.metrics?.host}:${opts.metrics?.port}: ${(e as Error).message}`,
              2,
            );
          });
          metrics = served;
          log('info', `metrics at ${served.url}`);
        }
        let journal = base;
        for (;;) {
          await runDaemon(config.connectors, {
            journal,
            configDir: path.dirname(config.file),
            signal: stop.signal,
            until: reload.signal,
            log,
            pruneOlderThanMs: opts.pruneOlderThan,
          });
          if (stop.signal.aborted || !next) break;
          [config, next, reload] = [next, undefined, new AbortController()];
          journal = base.redacting(redact);
          log('info', `reloaded ${file}`);
        }
      } catch (e) {
        if (e instanceof NoScheduleError) throw new CliError(e.message, 2);
        throw e;
      } finally {
        await metrics?.close();
        process.off('SIGHUP', onHangup);
        stop.dispose();
        base.close();
      }
    });
}

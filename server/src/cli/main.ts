import { Command } from 'commander';
import { registerValidate } from './validate';
import { registerFmt } from './fmt';
import { registerConvert } from './convert';
import { registerPreview } from './preview';
import { registerRun } from './run';
import { registerHistory } from './history';
import { registerRollback } from './rollback';
import { registerPrune } from './prune';
import { registerDaemon } from './daemon';
import { registerSandbox } from './sandbox';
import { CliError } from './cli-error';

/** `usersync` command line: one file per command, each exporting register<Name>(program). */
export function buildProgram(): Command {
  const program = new Command('usersync')
    .description('Profile sync from identity providers into Atlassian Data Center, as code.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerValidate,
    registerFmt,
    registerConvert,
    registerPreview,
    registerRun,
    registerHistory,
    registerRollback,
    registerPrune,
    registerDaemon,
    registerSandbox,
  ]) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`usersync: ${e.message}\n`);
      return e.exitCode;
    }
    const code = (e as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      // help and version exit 0; every usage error (unknown option, missing argument) exits 2
      return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`usersync: internal error: ${(e as Error).message}\n`);
    return 70;
  }
}

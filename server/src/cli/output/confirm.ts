import * as readline from 'readline';
import { CliError } from '../cli-error';

/**
 * Asking before writing: on a terminal a y/N question; without a terminal there is nobody to ask, so
 * the command refuses unless --yes was given (a cron job must say so explicitly).
 */
/** No confirmation: refused (no terminal, exit 2) or declined at the prompt (exit 1). Ends the whole command. */
export class NotConfirmed extends CliError {}

export async function confirmOrRefuse(question: string, yes: boolean | undefined): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    throw new NotConfirmed(
      'refusing to write without confirmation: stdin is not a terminal (pass --yes to write anyway)',
      2,
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

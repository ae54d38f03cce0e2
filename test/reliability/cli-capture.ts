import { main } from '../../server/src/cli/main';

/**
 * Runs `usersync <args>` in this process with stdout and stderr captured (both count as non-terminals,
 * as under CI) and the environment variables given set for the duration of the call.
 */

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], env: Record<string, string> = {}): Promise<CliOutput> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof out;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof err;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
    else Reflect.deleteProperty(process.stderr, 'isTTY');
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
    process.exitCode = undefined;
  }
}

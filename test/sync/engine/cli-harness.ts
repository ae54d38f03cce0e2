import { main } from '../../../server/src/cli/main';

/**
 * Runs the CLI in-process through `main(argv)` with stdout/stderr captured. stdin and stderr count as
 * non-terminals (as under CI), so `run` without --yes refuses and progress comes as plain lines.
 */

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Everything any CLI call printed in this process, for the "no secret anywhere" check. */
export const allOutput: string[] = [];

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const ttyIn = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  const ttyErr = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += chunk.toString()),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += chunk.toString()),
    true
  )) as typeof process.stderr.write;
  let code: number;
  try {
    code = await main(args);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    restore(process.stdin, 'isTTY', ttyIn);
    restore(process.stderr, 'isTTY', ttyErr);
  }
  allOutput.push(stdout, stderr);
  return { code, stdout, stderr };
}

function restore(o: object, key: string, d: PropertyDescriptor | undefined): void {
  if (d) Object.defineProperty(o, key, d);
  else Reflect.deleteProperty(o, key);
}

/** Runs and parses stdout as JSON, failing with the CLI's own words when it is not. */
export async function runJson<T>(args: string[]): Promise<{ code: number; data: T; stderr: string }> {
  const r = await runCli(args);
  try {
    return { code: r.code, data: JSON.parse(r.stdout) as T, stderr: r.stderr };
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

import { setFlagsFromString } from 'v8';

/**
 * The Node flags the language server runs with. The VS Code client passes them as execArgv and the
 * `usersync-language-server` launcher carries them in its `#!` line (test/lsp/node-flags.test.ts
 * keeps the two equal); the benchmark starts the server with them. Each one trades a little speed for
 * memory, measured with `npm run bench:lsp -- --ours-only --node-args …` (docs/benchmarks-history.md):
 *
 * - `--max-semi-space-size=1`: a young generation of 1 MB semi-spaces instead of up to 16 MB;
 * - `--optimize-for-size`: V8 grows the heap in smaller steps and collects sooner;
 * - `--single-threaded-gc` and `--v8-pool-size=1`: no parallel GC helpers and one background compiler
 *   thread, each of which would keep its own malloc arena.
 */
export const SERVER_NODE_FLAGS: readonly string[] = [
  '--max-semi-space-size=1',
  '--optimize-for-size',
  '--single-threaded-gc',
  '--v8-pool-size=1',
];

/**
 * Started without them (`node bin/usersync-language-server.js`, as a client configuration may do),
 * the server still sets the one that can change at run time.
 */
export function applyRuntimeFlags(execArgv: readonly string[] = process.execArgv): void {
  if (!execArgv.includes('--optimize-for-size')) setFlagsFromString('--optimize-for-size');
}

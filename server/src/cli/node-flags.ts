/**
 * The Node flags the `usersync` CLI runs with, carried by the `#!` line of bin/usersync.js
 * (test/cli/node-flags.test.ts keeps the two equal); the VS Code extension passes them when it starts the
 * CLI, and `npm run bench:sync` starts the engine with them.
 *
 * - `--max-semi-space-size=8`: V8's young generation grows to 8 MB semi-spaces instead of 16. A long
 *   run (100,000 users) otherwise grows it to the full 16 MB, which was most of the difference between
 *   the peak at 10,000 and at 100,000 users: 99 → 142 MiB for Entra ID, 1.44×; with the flag 101 → 124 MiB,
 *   1.23×. It costs some speed (Google at 100,000 users: 3.0–3.2× → 3.4× the critical path), measured
 *   with `npm run bench:sync -- --node-args …` (docs/benchmarks.md).
 *
 * Run as `node bin/usersync.js …` the flags do not apply (the young generation cannot change once V8
 * has started): run the file itself, or the `usersync` link to it (docs/operations.md).
 */
export const ENGINE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

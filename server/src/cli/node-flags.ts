/**
 * The Node flags the `usersync` CLI runs with, carried by the `#!` line of bin/usersync.js
 * (test/cli/node-flags.test.ts keeps the two equal); the VS Code extension passes them when it starts the
 * CLI, and `npm run bench:sync` starts the engine with them.
 *
 * `--min-semi-space-size=16 --max-semi-space-size=16`: V8's young generation has 16 MB semi-spaces from
 * the start, whatever the size of the run. Left to itself V8 starts small and grows them to 16 MB during a
 * long run, and that growth was most of what a run of 100,000 users added to the peak of one of 10,000.
 * Measured on 2026-11-29 with `npm run bench:sync -- --case azure:10000,azure:100000,google:10000,google:100000`,
 * once as it is and once with `--node-args "--min-semi-space-size=1 --max-semi-space-size=16"` (V8's own
 * sizes): Entra ID peaks 116.7 → 139.3 MiB (1.19×) with the flags against 98.8 → 142.9 MiB (1.45×, above
 * the 1.3× bound of docs/benchmarks.md) without; Google 125.1 → 150.6 against 122.4 → 146.0 MiB. Time was
 * the same either way: Google at 100,000 users 2.66–2.97× the critical path with them, 2.65–2.84× without
 * (three runs each). An 8 MB cap (the flag until 2026-11-29) made Google's pages of 500 users outlive the
 * young generation; 16 MB does not.
 *
 * Run as `node bin/usersync.js …` the flags do not apply (the young generation cannot change once V8
 * has started): run the file itself, or the `usersync` link to it (docs/operations.md).
 */
export const ENGINE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

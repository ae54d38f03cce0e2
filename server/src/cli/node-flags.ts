/**
 * The Node flags the `usersync` CLI runs with, carried by the `#!` line of bin/usersync.js
 * (test/cli/node-flags.test.ts keeps the two equal); the VS Code extension passes them when it starts the
 * CLI, and `npm run bench:sync` starts the engine with them.
 *
 * `--min-semi-space-size=16 --max-semi-space-size=16`: V8's young generation has 16 MB semi-spaces from
 * the start, whatever the size of the run. Left to itself V8 starts small and grows them to 16 MB during a
 * long run, which was most of what a run of 100,000 users added to the peak of one of 10,000 (Entra ID:
 * 99 → 142 MiB, 1.44×). Capping them at 8 MB (the flag until 2026-11-29) kept the growth to 1.23–1.29×,
 * but a Google page of 500 users then outlived the young generation: its objects were promoted and
 * collected by full collections. With a fixed 16 MB, measured at 100,000 users with
 * `npm run bench:sync -- --node-args …` (docs/benchmarks.md), two runs each, interleaved: Google 2.95–3.08× →
 * 2.68–2.69× the critical path, Entra ID and Okta unchanged; peaks 136–137 → 145–146 MiB (Google) and
 * 123–125 → 137–142 MiB (Entra ID, Okta); growth from 10,000 users 1.18–1.24× instead of 1.20–1.29×.
 *
 * Run as `node bin/usersync.js …` the flags do not apply (the young generation cannot change once V8
 * has started): run the file itself, or the `usersync` link to it (docs/operations.md).
 */
export const ENGINE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16', '--max-semi-space-size=16'];

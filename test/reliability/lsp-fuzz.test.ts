import { strict as assert } from 'assert';
import { runLspFuzz, type LspFailure } from './lsp-fuzz';

/**
 * The bounded protocol fuzz CI runs: 200 random edit sequences against one language server process.
 * The long run (10,000 sequences) is `npm run fuzz -- --lsp`; its figures are in docs/reliability.md.
 */

const SEQUENCES = 200;

const show = (f: LspFailure) =>
  `sequence ${f.sequence} (${f.start.name} as ${f.start.uri}, ${f.changes.length} changes): ${f.problem}`;

describe('language server under random edit sequences', function () {
  this.timeout(120_000);

  it(`${SEQUENCES} sequences: no crash, no stale or out-of-range diagnostics, memory flat after warm-up`, async () => {
    const result = await runLspFuzz({ sequences: SEQUENCES, seed: 20260102, warmup: 100 });
    assert.deepEqual(result.failures.map(show), []);
    assert.equal(result.sequences, SEQUENCES);
    assert.deepEqual(result.serverErrors, [], 'no handler failed');
    assert.ok(result.edits > SEQUENCES * 5 && result.requests > SEQUENCES / 2, JSON.stringify(result));
    assert.ok(
      result.rssEndKb <= 1.2 * result.rssAfterWarmupKb,
      `RSS ${result.rssEndKb} KiB at the end vs ${result.rssAfterWarmupKb} KiB after warm-up`,
    );
  });
});

import { strict as assert } from 'assert';
import { runLanguageFuzz, type LanguageFailure } from './language-fuzz';

/**
 * The bounded language fuzz CI runs: a few thousand generated and mutated documents through parse,
 * check, format, completion and hover. Tests time nothing: the 1 s budget per document is checked by the
 * long run (100,000 documents, `npm run fuzz`, scripts/fuzz.ts); its figures are in docs/reliability.md.
 */

const COUNT = 2000;
const SEED = 20260101;

function describeFailure(f: LanguageFailure): string {
  const text = f.case.text.length > 300 ? `${JSON.stringify(f.case.text.slice(0, 300))}…` : JSON.stringify(f.case.text);
  return `${f.times}× ${f.problems[0]}\n    origin ${f.case.origin} (${f.case.uri}), ${f.case.text.length} chars: ${text}`;
}

describe('language under generated and mutated documents', function () {
  this.timeout(120_000);

  it(`${COUNT} documents in both forms: no exception, every range inside the document, formatted text that parses`, () => {
    const result = runLanguageFuzz({ count: COUNT, seed: SEED, maxFailures: 5, budgetMs: Infinity });
    assert.deepEqual(result.failures.map(describeFailure), []);
    assert.equal(result.cases, COUNT);
    assert.ok(Object.keys(result.byKind).length === 4, JSON.stringify(result.byKind));
  });
});

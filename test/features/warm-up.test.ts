import { strict as assert } from 'assert';
import { warmUp, warmUpDocumentText, warmUpText } from '../../server/src/features/warm-up';
import { parseDocument } from '../../server/src/parse';
import { checkDocument } from '../../server/src/check';

describe('language server warm-up', () => {
  it('runs on a document of every source type that has no errors and one warning, to compile reporting', () => {
    const { document, errors } = parseDocument(warmUpText(), 'warm-up.usersync');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['warm_azure', 'warm_okta', 'warm_google'],
    );
    const found = checkDocument(document, errors).filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(
      found.map((d) => [d.code, document.text.slice(d.span.start, d.span.end)]),
      [['value-may-be-too-long', 'streetAddress']],
    );
    assert.equal(warmUp(warmUpDocumentText(2), 2, 2), 2);
    const schedules = warmUpDocumentText(3).match(/schedule "[^"]*"/g) ?? [];
    assert.equal(new Set(schedules).size, 3, 'one schedule per copy');
  });
});

import { strict as assert } from 'assert';
import { warmUp, warmUpDocumentText, warmUpText } from '../../server/src/features/warm-up';
import { parseDocument } from '../../server/src/parse';
import { checkDocument } from '../../server/src/check';

describe('language server warm-up', () => {
  it('runs on a document of every source type that has no errors or warnings', () => {
    const { document, errors } = parseDocument(warmUpText(), 'warm-up.usersync');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      document.connectors.map((c) => c.name),
      ['warm_azure', 'warm_okta', 'warm_google'],
    );
    assert.deepEqual(
      checkDocument(document, errors).filter((d) => d.severity === 'error' || d.severity === 'warning'),
      [],
    );
    assert.equal(warmUp(warmUpDocumentText(2), 2, 2), 0);
  });
});

import { strict as assert } from 'assert';
import { ReferenceIndex, referenceNamesOf } from '../../server/src/features/reference-names';
import { parsed } from './marked';

describe('workspace reference names', () => {
  const doc = parsed(
    'connector a {\n  source okta { org_url = "https://o"  token = env("OKTA_API_TOKEN") }\n  target jira { url = "https://j"  token = secret("jira-pat") }\n}\n',
  );

  it('reads the env and secret names a document uses', () => {
    assert.deepEqual(referenceNamesOf(doc), { env: ['OKTA_API_TOKEN'], secret: ['jira-pat'] });
  });

  it('lists the names of all sources, most used first, skipping sources asked to skip', () => {
    const index = new ReferenceIndex();
    index.set('file:///a.usersync', { env: ['B', 'C'], secret: [] });
    index.set('file:///b.usersync', { env: ['C'], secret: ['s'] });
    assert.deepEqual(index.names('env'), ['C', 'B']);
    assert.deepEqual(index.names('env', [{ env: ['A', 'A', 'A'], secret: [] }]), ['A', 'C', 'B']);
    assert.deepEqual(index.names('env', [], new Set(['file:///b.usersync'])), ['B', 'C']);
    index.delete('file:///a.usersync');
    assert.deepEqual(index.names('secret'), ['s']);
  });
});

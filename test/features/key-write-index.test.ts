import { strict as assert } from 'assert';
import type { KeyWrite } from '../../server/src/check/shared-targets-across-files';
import { KeyWriteIndex } from '../../server/src/features/key-write-index';

const write: KeyWrite = { target: 'jira https://j', key: 'property\nDepartment', connector: 'hr', line: 3 };

describe('the index of what workspace files write where', () => {
  it('never offers a document its own saved copy, however its uri spells the path', () => {
    const index = new KeyWriteIndex();
    index.set('file:///work/%40team/hr.usersync', [write]);
    assert.deepEqual(index.others('file:///work/@team/hr.usersync'), []);
    assert.deepEqual(
      index.others('file:///work/@team/other.usersync').map((o) => o.uri),
      ['file:///work/%40team/hr.usersync'],
    );
  });

  it('tells its listener only when what a file writes changed', () => {
    let changes = 0;
    const index = new KeyWriteIndex(() => changes++);
    index.set('file:///w/a.usersync', [write]);
    index.set('file:///w/a.usersync', [{ ...write }]);
    index.set('file:///w/a.usersync', [{ ...write, line: 4 }]);
    index.delete('file:///w/a.usersync');
    index.delete('file:///w/a.usersync');
    assert.equal(changes, 3);
  });
});

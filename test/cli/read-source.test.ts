import { strict as assert } from 'assert';
import fc from 'fast-check';
import { firstInvalidUtf8 } from '../../server/src/cli/read-source';

const decodes = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('readSourceFile: UTF-8 validation', () => {
  it('agrees with the fatal TextDecoder, and the text before the reported offset decodes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }).chain((s) =>
        fc.tuple(fc.nat(8), fc.integer({ min: 0x80, max: 0xff })).map(([at, bad]) => {
          const b = Buffer.from(s, 'utf8');
          const i = Math.min(at, b.length);
          return Uint8Array.from([...b.subarray(0, i), bad, ...b.subarray(i)]);
        }),
      ),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const offset = firstInvalidUtf8(b);
        assert.equal(offset === -1, decodes(b));
        if (offset >= 0) assert.ok(decodes(b.subarray(0, offset)));
      }),
      { numRuns: 2000 },
    );
  });

  it('points at the start of a broken sequence', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('café', 'latin1')), 3);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80])), 1, 'an encoded surrogate');
    assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0x80])), 0, 'an overlong form');
    assert.equal(firstInvalidUtf8(Buffer.from('naïve ☃ 😀', 'utf8')), -1);
  });
});

import fc from 'fast-check';

/**
 * `base` with 1 to `maxEdits` edits applied one after another: each removes up to `maxCut` characters at an
 * offset (past the end of the edited text: at its end) and inserts what `insert` draws there.
 */
export function editedText(
  base: string,
  insert: fc.Arbitrary<string>,
  { maxCut, maxEdits }: { maxCut: number; maxEdits: number },
): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(base.length), fc.nat(maxCut), insert);
  return fc.array(edit, { minLength: 1, maxLength: maxEdits }).map((edits) => {
    let text = base;
    for (const [offset, cut, inserted] of edits) {
      const at = Math.min(offset, text.length);
      text = text.slice(0, at) + inserted + text.slice(at + cut);
    }
    return text;
  });
}

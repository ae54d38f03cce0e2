import { strict as assert } from 'assert';
import fc from 'fast-check';
import { getCatalog } from '../../server/src/model/catalogs/catalog';
import { evaluate } from '../../server/src/model/evaluate';
import { FUNCTIONS, getFunction } from '../../server/src/model/functions/registry';
import type { Expr, PathExpr, PathSegment } from '../../server/src/model/model';
import { SOURCE_TYPES } from '../../server/src/model/model';
import { completePath, resolvePath } from '../../server/src/model/paths';
import { editDistance } from '../../server/src/model/path-suggest';

/** Laws of the evaluator, the resolver and the functions, over generated input. */

const span = { start: 0, end: 0 };
const knownNames: string[] = [
  ...new Set(SOURCE_TYPES.flatMap((t) => getCatalog(t).attributes.map((a) => a.name))),
  'manager',
  'profile',
  'customSchemas',
  '__proto__',
  'constructor',
  '',
];

const name = fc.oneof(fc.constantFrom(...knownNames), fc.string({ maxLength: 12 }));
const access = fc.option(
  fc.oneof(
    fc.record({
      kind: fc.constant('index' as const),
      index: fc.oneof(fc.nat(5), fc.integer()),
      span: fc.constant(span),
    }),
    fc.record({
      kind: fc.constant('selector' as const),
      key: fc.oneof(fc.constantFrom('type', 'primary', 'customType'), fc.string({ maxLength: 6 })),
      value: fc.oneof(fc.constantFrom('work', 'true', 'false'), fc.string({ maxLength: 6 })),
      span: fc.constant(span),
    }),
  ),
  { nil: undefined },
);
const segment: fc.Arbitrary<PathSegment> = fc
  .record({ name, access })
  .map(({ name: n, access: a }) => (a ? { name: n, span, access: a } : { name: n, span }));
const pathExpr: fc.Arbitrary<PathExpr> = fc
  .array(segment, { maxLength: 5 })
  .map((segments) => ({ kind: 'path', segments, span }));

const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    pathExpr,
    fc.string().map((value): Expr => ({ kind: 'string', value, span })),
    fc.constant<Expr>({ kind: 'missing', span }),
    fc
      .record({
        name: fc.oneof(fc.constantFrom(...FUNCTIONS.keys()), fc.string({ maxLength: 5 })),
        args: fc.array(tie('expr'), { maxLength: 4 }),
      })
      .map(({ name: n, args }): Expr => ({ kind: 'call', name: n, nameSpan: span, args, span })),
  ),
}));

/** JSON users that actually contain the catalog's names, so that paths reach deep. */
const user = fc.dictionary(fc.constantFrom(...knownNames), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 });
const anyUser = fc.oneof(user, fc.jsonValue(), fc.anything()) as fc.Arbitrary<Record<string, unknown>>;

const fullText = fc.string({ unit: 'binary' });
const lonelySurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
});

function run(fn: string, ...args: (string | undefined)[]): string | undefined {
  return getFunction(fn)!.evaluate(args);
}

describe('properties', () => {
  it('edit distance with a bound is the distance up to the bound, and one past it beyond', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeAB'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const full = editDistance(a, b);
        assert.equal(editDistance(a, b, max), Math.min(full, max + 1), `${a} ${b} ${max}`);
        assert.equal(full, editDistance(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('evaluate never throws and always answers a string or nothing, with well-formed warnings', () => {
    fc.assert(
      fc.property(expr, anyUser, (e, u) => {
        const r = evaluate(e, u);
        assert.ok(r.value === undefined || typeof r.value === 'string');
        for (const w of r.warnings) {
          assert.ok(typeof w.message === 'string' && typeof w.path === 'string');
          // the safety net in evaluate() is for exotic objects only: plain data never reaches it
          assert.doesNotMatch(w.message, /^could not evaluate/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('evaluate returns any text exactly as the IdP sent it', () => {
    fc.assert(
      fc.property(fc.oneof(fullText, lonelySurrogates, fc.string({ unit: 'grapheme' })), (s) => {
        assert.equal(evaluate({ kind: 'path', segments: [{ name: 'a', span }], span }, { a: s }).value, s);
      }),
    );
  });

  it('resolvePath and completePath never throw on any path for any IdP', () => {
    fc.assert(
      fc.property(pathExpr, fc.constantFrom(...SOURCE_TYPES), (p, idp) => {
        const r = resolvePath(p, idp);
        assert.ok(['found', 'custom', 'unknown'].includes(r.kind));
        if (r.kind === 'unknown') assert.ok(r.suggestions.length <= 3);
        assert.ok(Array.isArray(completePath(p.segments, idp)));
      }),
      { numRuns: 500 },
    );
  });

  it('guest_email undoes the #EXT# encoding of a guest address', () => {
    const local = fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => !s.includes('#'));
    const domain = fc.domain().filter((d) => !d.includes('_'));
    fc.assert(
      fc.property(local, domain, fc.domain(), (l, d, tenant) => {
        const upn = `${l.replace(/@/g, '_')}_${d}#EXT#@${tenant}`;
        assert.equal(run('guest_email', upn), `${l.replace(/@/g, '_')}@${d}`);
      }),
    );
  });

  it('guest_email leaves values without #EXT# alone', () => {
    fc.assert(
      fc.property(
        fullText.filter((s) => !/#ext#/i.test(s)),
        (s) => {
          assert.equal(run('guest_email', s), s);
        },
      ),
    );
  });

  it('strip_domain keeps the local part of local@domain', () => {
    fc.assert(
      fc.property(
        fullText,
        fullText.filter((s) => !s.includes('@')),
        (l, d) => {
          assert.equal(run('strip_domain', `${l}@${d}`), l);
        },
      ),
    );
  });

  it('lower, upper and trim are idempotent', () => {
    fc.assert(
      fc.property(fullText, (s) => {
        for (const f of ['lower', 'upper', 'trim']) assert.equal(run(f, run(f, s)), run(f, s));
      }),
    );
  });

  it('substring cuts between characters: the two halves give back the whole', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fullText), fc.nat(20), (s, n) => {
        assert.equal(`${run('substring', s, '0', String(n))}${run('substring', s, String(n))}`, s);
      }),
    );
  });

  it('first and join agree on a single non-blank value', () => {
    fc.assert(
      fc.property(
        fullText.filter((s) => s.trim() !== ''),
        fc.string(),
        (s, sep) => {
          assert.equal(run('first', undefined, ' ', s), s);
          assert.equal(run('join', sep, undefined, s, ''), s);
        },
      ),
    );
  });
});

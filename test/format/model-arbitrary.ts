import fc from 'fast-check';
import type {
  Block,
  Comment,
  Connector,
  ConnectorItem,
  Document,
  Expr,
  PathSegment,
  Setting,
} from '../../server/src/model/model';

/**
 * fast-check arbitraries of well-formed models (every name present, no `missing` expression), with
 * comments everywhere the model has room for them. Spans are zero: printers never read them.
 */
const at = { start: 0, end: 0 };
const KEYWORDS = ['connector', 'source', 'target', 'match', 'schedule', 'map', 'user'];
/** Names the YAML form gives a structure of its own: not used for options and settings here. */
const YAML_RESERVED = ['source', 'target', 'match', 'schedule', 'map', 'users', 'type'];

const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/);
/** A name where the grammar takes keywords too (names of connectors, types, keys). */
const name = fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS) });
/** Path segments and function names: never keywords (`a.user` is not a path). */
const pathWord = word.filter((w) => !KEYWORDS.includes(w));
const key = name.filter((w) => !YAML_RESERVED.includes(w));

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\t', '\r', '#', ' ', "'", ':', '-', '{', '}', ',', 'a', 'é', '0', '*'),
    maxLength: 10,
  }),
);

const comment: fc.Arbitrary<Comment> = fc
  .string({ unit: fc.constantFrom(' ', 'a', 'Z', '#', '"', "'", ':', '{', 'é', '1', '-', '.'), maxLength: 12 })
  .map((t) => ({ text: t.trimEnd(), span: at }));
const leading = fc.array(comment, { maxLength: 2 });
const trailing = fc.option(comment, { nil: undefined });

function commented<T extends object>(
  node: fc.Arbitrary<T>,
): fc.Arbitrary<T & { leading: Comment[]; trailing?: Comment }> {
  return fc
    .tuple(node, leading, trailing)
    .map(([n, l, t]) => (t ? { ...n, leading: l, trailing: t } : { ...n, leading: l }));
}

const segment: fc.Arbitrary<PathSegment> = fc
  .tuple(
    pathWord,
    fc.oneof(
      fc.constant(undefined),
      fc.nat(999).map((index) => ({ kind: 'index' as const, index, span: at })),
      fc
        .tuple(word, fc.oneof(word, fc.stringMatching(/^[0-9]{1,3}$/), text))
        .map(([k, value]) => ({ kind: 'selector' as const, key: k, value, span: at })),
    ),
  )
  .map(([n, access]) => (access ? { name: n, span: at, access } : { name: n, span: at }));

export const expr: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments): Expr => ({ kind: 'path', segments, span: at })),
    text.map((value): Expr => ({ kind: 'string', value, span: at })),
    fc
      .tuple(pathWord, fc.array(tie('expr'), { maxLength: 3 }))
      .map(([n, args]): Expr => ({ kind: 'call', name: n, nameSpan: at, args, span: at })),
  ),
})).expr;

const setting: fc.Arbitrary<Setting> = commented(
  fc.tuple(key, expr).map(([k, value]) => ({ key: k, keySpan: at, value, span: at })),
);

const block: fc.Arbitrary<Block> = commented(
  fc
    .tuple(
      fc.constantFrom('source' as const, 'target' as const),
      name,
      fc.array(setting, { maxLength: 3 }),
      fc.array(comment, { maxLength: 1 }),
    )
    .map(([role, type, settings, dangling]) => ({
      kind: 'block' as const,
      role,
      type,
      typeSpan: at,
      settings,
      span: at,
      dangling,
    })),
);

const item: fc.Arbitrary<ConnectorItem> = fc.oneof(
  block,
  commented(
    fc.tuple(name, expr).map(([field, e]) => ({ kind: 'match' as const, field, fieldSpan: at, expr: e, span: at })),
  ),
  commented(text.map((cron) => ({ kind: 'schedule' as const, cron, cronSpan: at, span: at }))),
  commented(
    fc.tuple(key, expr).map(([k, value]) => ({ kind: 'option' as const, key: k, keySpan: at, value, span: at })),
  ),
  commented(
    fc
      .tuple(fc.oneof(fc.constantFrom('property', 'profile'), name), fc.oneof(word, text), expr)
      .map(([target, k, e]) => ({
        kind: 'mapping' as const,
        target,
        targetSpan: at,
        key: k,
        keySpan: at,
        expr: e,
        span: at,
      })),
  ),
  commented(text.map((login) => ({ kind: 'user' as const, login, loginSpan: at, span: at }))),
);

const connector: fc.Arbitrary<Connector> = commented(
  fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: name }, { weight: 1, arbitrary: fc.constant('') }),
      fc.array(item, { maxLength: 7 }),
      fc.array(comment, { maxLength: 2 }),
    )
    .map(([n, items, dangling]) => ({ name: n, nameSpan: at, span: at, items, dangling })),
);

export const documentModel: fc.Arbitrary<Document> = fc
  .tuple(fc.array(connector, { maxLength: 3 }), fc.array(comment, { maxLength: 2 }))
  .map(([connectors, dangling]) => ({
    form: 'usersync' as const,
    uri: 'file:///gen.usersync',
    text: '',
    connectors,
    dangling,
  }));

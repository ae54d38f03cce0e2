import { isValueReference } from '../model/functions/references';
import type { CallExpr, Expr } from '../model/model';
import type { ConnectorContext } from './context';
import { quoted, replaceFix } from './edits';
import { callsIn } from './walk';

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * `env("NAME")`, `secret("name")`, `file("path")`: one non-empty string argument; environment names
 * in the portable shape; allowed only as setting values (not in mappings, match or connector options).
 */
export function checkReferences(ctx: ConnectorContext): void {
  for (const block of [ctx.source, ctx.target]) {
    for (const s of block?.settings ?? []) {
      if (s.value.kind === 'call' && isValueReference(s.value.name)) checkArguments(ctx, s.value);
    }
  }
  for (const item of ctx.connector.items) {
    if (item.kind === 'option') misplaced(ctx, item.value, `${item.key} takes a plain value`);
    if (item.kind === 'match') misplaced(ctx, item.expr, 'match reads IdP attributes');
    if (item.kind === 'mapping') misplaced(ctx, item.expr, 'mappings read IdP attributes');
  }
}

function misplaced(ctx: ConnectorContext, expr: Expr, why: string): void {
  for (const call of callsIn(expr)) {
    if (!isValueReference(call.name)) continue;
    ctx.out.report(
      'misplaced-reference',
      `${call.name}(…) stands only for the value of a source or target setting; ${why}`,
      call.nameSpan,
    );
  }
}

function checkArguments(ctx: ConnectorContext, call: CallExpr): void {
  const [arg, ...extra] = call.args;
  const what =
    call.name === 'env'
      ? 'the name of an environment variable'
      : call.name === 'secret'
        ? 'the name of a secret'
        : 'a file path';
  if (!arg || arg.kind === 'missing') {
    if (!arg) ctx.out.report('reference-arguments', `${call.name}(…) takes one string: ${what}`, call.span);
    return;
  }
  if (arg.kind !== 'string') {
    ctx.out.report('reference-arguments', `${call.name}(…) takes ${what} in quotes`, arg.span, {
      fixes:
        arg.kind === 'path' && ctx.doc.form === 'usersync'
          ? [replaceFix('Put it in quotes', arg.span, quoted(ctx.doc.text.slice(arg.span.start, arg.span.end)), true)]
          : [],
    });
  } else if (arg.value.trim() === '') {
    ctx.out.report('reference-arguments', `${call.name}(…) needs ${what}; this one is empty`, arg.span);
  } else if (call.name === 'env' && !ENV_NAME.test(arg.value)) {
    const suggested = envNameFrom(arg.value);
    ctx.out.report(
      'invalid-env-name',
      `'${arg.value}' is not an environment variable name: use capitals, digits and _ (not first a digit)`,
      arg.span,
      {
        fixes: suggested ? [replaceFix(`Change to '${suggested}'`, arg.span, quoted(suggested), true)] : [],
      },
    );
  }
  if (extra.length) {
    const span = { start: extra[0].span.start, end: extra[extra.length - 1].span.end };
    ctx.out.report(
      'reference-arguments',
      `${call.name}(…) takes exactly one argument, found ${call.args.length}`,
      span,
    );
  }
}

/** `azure-secret` → `AZURE_SECRET`; undefined when nothing usable is left. */
export function envNameFrom(text: string): string | undefined {
  const name = text
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') return undefined;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

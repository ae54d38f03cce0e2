import { FUNCTIONS, getFunction } from '../model/functions/registry';
import { isValueReference } from '../model/functions/references';
import type { CallExpr } from '../model/model';
import { suggestNames } from '../model/path-suggest';
import type { ConnectorContext } from './context';
import { changeToFixes } from './edits';
import { attributeExprs, callsIn } from './walk';

/** Calls in match and mappings: the function exists, the argument count fits, its own argument checks pass. */
export function checkFunctions(ctx: ConnectorContext): void {
  for (const { expr } of attributeExprs(ctx.connector)) {
    for (const call of callsIn(expr)) {
      if (call.name === '' || isValueReference(call.name)) continue;
      checkCall(ctx, call);
    }
  }
}

function checkCall(ctx: ConnectorContext, call: CallExpr): void {
  const def = getFunction(call.name);
  if (!def) {
    const suggestions = suggestNames(call.name, FUNCTIONS.keys());
    const hint =
      suggestions.length === 1
        ? `did you mean '${suggestions[0]}'?`
        : `the functions are ${[...FUNCTIONS.keys()].join(', ')}`;
    ctx.out.report('unknown-function', `there is no function '${call.name}'; ${hint}`, call.nameSpan, {
      fixes: changeToFixes(call.nameSpan, suggestions),
    });
    return;
  }
  const count = call.args.length;
  if (count < def.minArgs) {
    const needs = def.minArgs === def.maxArgs ? `${def.minArgs}` : `at least ${def.minArgs}`;
    ctx.out.report(
      'argument-count',
      `${def.signature} takes ${needs} argument${def.minArgs === 1 ? '' : 's'}; found ${count}`,
      call.nameSpan,
    );
  } else if (count > def.maxArgs) {
    const extra = call.args.slice(def.maxArgs);
    const span = { start: extra[0].span.start, end: extra[extra.length - 1].span.end };
    const most = def.minArgs === def.maxArgs ? `${def.maxArgs}` : `at most ${def.maxArgs}`;
    ctx.out.report(
      'argument-count',
      `${def.signature} takes ${most} argument${def.maxArgs === 1 ? '' : 's'}; found ${count}`,
      span,
    );
  }
  for (const problem of def.checkArgs?.(call.args) ?? []) {
    const arg = call.args[problem.index];
    ctx.out.report('invalid-argument', problem.message, arg ? arg.span : call.nameSpan);
  }
}

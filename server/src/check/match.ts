import { isValueReference } from '../model/functions/references';
import type { Expr } from '../model/model';
import { hasParseErrorIn, type ConnectorContext } from './context';
import { changeToFixes } from './edits';

const MATCH_FIELDS = ['username'];

/**
 * `match username = <expr>`: the field is `username`, and the expression must give one string per user
 * (multi-valued paths are reported by the path check as match-multi-value).
 */
export function checkMatch(ctx: ConnectorContext): void {
  for (const item of ctx.connector.items) {
    if (item.kind !== 'match') continue;
    if (item.field !== '' && !MATCH_FIELDS.includes(item.field)) {
      ctx.out.report(
        'invalid-match-field',
        `usersync matches on the Jira/Confluence username: write match username = …, not '${item.field}'`,
        item.fieldSpan,
        {
          fixes: changeToFixes(item.fieldSpan, MATCH_FIELDS),
        },
      );
    }
    if (item.expr.kind === 'missing') {
      if (!hasParseErrorIn(ctx, item.span)) {
        ctx.out.report(
          'missing-value',
          'match has no expression: write e.g. match username = lower(userPrincipalName)',
          item.fieldSpan,
        );
      }
    } else if (isConstant(item.expr)) {
      ctx.out.report(
        'constant-match',
        'this match gives the same username for every user: read an attribute, e.g. lower(userPrincipalName)',
        item.expr.span,
      );
    }
  }
}

/** True when the expression reads no attribute (a literal, or calls of literals). */
export function isConstant(expr: Expr): boolean {
  if (expr.kind === 'string') return true;
  if (expr.kind === 'call' && !isValueReference(expr.name))
    return expr.args.every((a) => a.kind !== 'missing' && isConstant(a));
  return false;
}

import type { Plan } from './plan-types';

/**
 * The clear guard: a plan that clears values of more than `clearGuard` (a share, 0..1) of the target
 * users read stops before anything is written, unless forced. Protects against an IdP read that came
 * back empty-handed (lost permission, wrong $select) wiping a whole directory under on_empty = clear.
 */

export interface GuardVerdict {
  tripped: boolean;
  share: number;
  message: string;
}

export function checkClearGuard(plan: Plan, clearGuard: number): GuardVerdict {
  const read = plan.stats.matched;
  const share = read === 0 ? 0 : plan.stats.clearedUsers / read;
  const tripped = share > clearGuard;
  const pct = (n: number): string => `${Math.round(n * 1000) / 10}%`;
  return {
    tripped,
    share,
    message: tripped
      ? `the plan clears values of ${plan.stats.clearedUsers} of ${read} users (${pct(share)}), more than clear_guard ${pct(clearGuard)}; nothing was written (use --force to write anyway)`
      : `clears touch ${pct(share)} of users (clear_guard ${pct(clearGuard)})`,
  };
}

/**
 * What a plan is: key-level changes (the preview's rows and the journal's write intents), warnings
 * that name the user and key they concern, and counts. This is also the `preview --format json` shape;
 * `after: null` means the value is cleared (unset in the target).
 */

export type ChangeKind = 'property' | 'profile';

export interface PlannedChange {
  connector: string;
  user: string;
  kind: ChangeKind;
  key: string;
  before: string | null;
  after: string | null;
}

export type PlanWarningCode =
  | 'empty-match'
  | 'user-collision'
  | 'missing-in-target'
  | 'missing-in-idp'
  | 'no-pinned-users'
  | 'attribute-missing'
  | 'value-rejected'
  | 'value-cut'
  | 'unsupported-mapping'
  | 'evaluation';

export interface PlanWarning {
  connector: string;
  user?: string;
  key?: string;
  code: PlanWarningCode;
  message: string;
}

export interface PlanStats {
  /** IdP users read. */
  idpUsers: number;
  /** IdP users whose match username exists in the target. */
  matched: number;
  /** Match usernames the target does not know. */
  missing: number;
  /** IdP users left out: empty match value or a username collision. */
  skipped: number;
  /** Matched users that need no change. */
  unchanged: number;
  /** Users with at least one change. */
  changedUsers: number;
  /** Key-level changes, clears included. */
  changes: number;
  /** Key-level clears. */
  clears: number;
  /** Users with at least one clear (what the clear guard counts). */
  clearedUsers: number;
}

export interface Plan {
  changes: PlannedChange[];
  warnings: PlanWarning[];
  stats: PlanStats;
}

export function emptyStats(): PlanStats {
  return {
    idpUsers: 0,
    matched: 0,
    missing: 0,
    skipped: 0,
    unchanged: 0,
    changedUsers: 0,
    changes: 0,
    clears: 0,
    clearedUsers: 0,
  };
}

import { Cron } from 'croner';
import type { Connector, Document, SourceType, TargetType } from '../../model/model';
import { SOURCE_TYPES, TARGET_TYPES } from '../../model/model';
import { mappingsOf, matchOf, option, scheduleOf, sourceBlock, targetBlock, usersOf, wordOf } from '../../model/query';
import type { Span } from '../../text/span';
import type { RunnableConnector } from '../types';
import { resolveValue, type ResolveContext } from '../secrets';

/**
 * Model → RunnableConnector: settings resolved (env/file/secret values, and literal values of
 * credential keys, go to `secrets` for redaction), on_empty (default keep), clear_guard (default 10%),
 * pinned users (used by `--pinned` runs and the editor's Sync this user; a full run reads everyone) and schedule (validated with croner).
 */

export type BuildContext = ResolveContext;

export interface BuildError {
  connector: string;
  message: string;
  span: Span;
}

/** Setting keys whose values are credentials even when written as a literal. */
export const CREDENTIAL_KEYS = new Set([
  'token',
  'client_secret',
  'private_key',
  'certificate',
  'service_account_key',
  'password',
]);
const DEFAULT_CLEAR_GUARD = 0.1;

export interface BuiltDocument {
  /** The connectors that built without an error. */
  connectors: RunnableConnector[];
  errors: BuildError[];
  /** Every credential value that resolved, in every connector, those with errors included: for redaction. */
  secrets: string[];
}

export function buildRunnable(doc: Document, ctx: BuildContext): BuiltDocument {
  const connectors: RunnableConnector[] = [];
  const errors: BuildError[] = [];
  const secrets: string[] = [];
  for (const c of doc.connectors) {
    const before = errors.length;
    const report: Report = (message, span) => errors.push({ connector: c.name, message, span });
    const built = buildConnector(c, ctx, report, secrets);
    if (built && errors.length === before) connectors.push(built);
  }
  return { connectors, errors, secrets };
}

type Report = (message: string, span: Span) => void;

function buildConnector(
  c: Connector,
  ctx: BuildContext,
  report: Report,
  allSecrets: string[],
): RunnableConnector | undefined {
  const source = sourceBlock(c);
  const target = targetBlock(c);
  const match = matchOf(c);
  if (!source || !SOURCE_TYPES.includes(source.type as SourceType)) {
    report('the connector needs a source (azure, okta or google)', source?.typeSpan ?? c.nameSpan);
    return undefined;
  }
  if (!target || !TARGET_TYPES.includes(target.type as TargetType)) {
    report('the connector needs a target (jira or confluence)', target?.typeSpan ?? c.nameSpan);
    return undefined;
  }
  if (!match || match.expr.kind === 'missing') {
    report('the connector needs `match username = …`', match?.span ?? c.nameSpan);
    return undefined;
  }
  const secrets: string[] = [];
  const settingsOf = (block: typeof source): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const s of block.settings) {
      if (!s.key || s.key in out) continue;
      const r = resolveValue(s.value, ctx);
      if (r.error !== undefined || r.value === undefined) {
        report(`${block.role} ${block.type}: ${s.key}: ${r.error ?? 'no value'}`, s.value.span);
        continue;
      }
      out[s.key] = r.value;
      if (r.secret || CREDENTIAL_KEYS.has(s.key)) {
        secrets.push(r.value);
        allSecrets.push(r.value);
      }
    }
    return out;
  };
  const sourceSettings = settingsOf(source);
  const targetSettings = settingsOf(target);
  const schedule = scheduleOf(c);
  if (schedule && !validCron(schedule.cron))
    report(`schedule "${schedule.cron}" is not a valid cron expression`, schedule.cronSpan);
  return {
    name: c.name,
    source: { type: source.type as SourceType, settings: sourceSettings },
    target: { type: target.type as TargetType, settings: targetSettings },
    match: match.expr,
    mappings: mappingsOf(c)
      .filter((m) => (m.target === 'property' || m.target === 'profile') && m.key !== '' && m.expr.kind !== 'missing')
      .map((m) => ({ kind: m.target as 'property' | 'profile', key: m.key, expr: m.expr })),
    onEmpty: onEmptyOf(c, report),
    clearGuard: clearGuardOf(c, report),
    schedule: schedule?.cron,
    users: usersOf(c)
      .map((u) => u.login)
      .filter((l) => l !== ''),
    secrets,
  };
}

function onEmptyOf(c: Connector, report: Report): 'keep' | 'clear' {
  const o = option(c, 'on_empty');
  if (!o) return 'keep';
  const v = wordOf(o.value);
  if (v === 'keep' || v === 'clear') return v;
  report('on_empty must be keep or clear', o.value.span);
  return 'keep';
}

/** "10%" → 0.1; also a bare share "0.1". */
export function parseClearGuard(text: string): number | undefined {
  const pct = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (pct) {
    const n = Number(pct[1]) / 100;
    return n <= 1 ? n : undefined;
  }
  const share = /^\s*(0(?:\.\d+)?|1(?:\.0+)?)\s*$/.exec(text);
  return share ? Number(share[1]) : undefined;
}

function clearGuardOf(c: Connector, report: Report): number {
  const o = option(c, 'clear_guard');
  if (!o) return DEFAULT_CLEAR_GUARD;
  const v = wordOf(o.value);
  const parsed = v === undefined ? undefined : parseClearGuard(v);
  if (parsed === undefined) {
    report('clear_guard must be a percentage such as "10%"', o.value.span);
    return DEFAULT_CLEAR_GUARD;
  }
  return parsed;
}

function validCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Credentials written as literals in the document: redacted from error listings made before any build. */
export function literalCredentials(doc: Document): string[] {
  const out: string[] = [];
  for (const c of doc.connectors) {
    for (const item of c.items) {
      if (item.kind !== 'block') continue;
      for (const s of item.settings)
        if (CREDENTIAL_KEYS.has(s.key) && s.value.kind === 'string') out.push(s.value.value);
    }
  }
  return out;
}

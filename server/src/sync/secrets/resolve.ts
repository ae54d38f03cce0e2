import * as fs from 'fs';
import * as path from 'path';
import type { Expr } from '../../model/model';

/**
 * Setting values: a string literal as is, or env("NAME"), file("path"), secret("name").
 * Values read from the environment, a file or the secret store count as secrets (to be redacted);
 * none of them is read in an untrusted workspace.
 */

export interface ResolveContext {
  env: NodeJS.ProcessEnv;
  /** Relative file(...) paths start here (the folder of the config file). */
  configDir: string;
  /** The VS Code extension hands SecretStorage values through this lookup. */
  secrets?: (name: string) => string | undefined;
  trusted: boolean;
}

export interface ResolvedValue {
  value?: string;
  error?: string;
  secret: boolean;
}

export const UNTRUSTED_MESSAGE = 'secret resolution disabled in an untrusted workspace';

export function resolveValue(expr: Expr, ctx: ResolveContext): ResolvedValue {
  if (expr.kind === 'string') return { value: expr.value, secret: false };
  if (expr.kind === 'missing') return { error: 'a value is missing', secret: false };
  if (expr.kind === 'path') return { error: 'expected a string, env("…"), file("…") or secret("…")', secret: false };
  const arg = expr.args.length === 1 && expr.args[0].kind === 'string' ? expr.args[0].value : undefined;
  if (!['env', 'file', 'secret'].includes(expr.name)) {
    return { error: `${expr.name}(…) cannot be used in a setting; use env, file or secret`, secret: false };
  }
  if (arg === undefined || arg === '') {
    return { error: `${expr.name}(…) takes one non-empty string literal`, secret: true };
  }
  if (!ctx.trusted) return { error: UNTRUSTED_MESSAGE, secret: true };
  if (expr.name === 'env') return fromEnv(ctx.env, arg, `environment variable ${arg} is not set`);
  if (expr.name === 'file') return fromFile(ctx.configDir, arg);
  const stored = ctx.secrets?.(arg);
  if (stored !== undefined && stored !== '') return { value: stored, secret: true };
  const envName = secretEnvName(arg);
  return fromEnv(ctx.env, envName, `secret "${arg}" is not stored and ${envName} is not set`);
}

/** secret("jira-pat") falls back to USERSYNC_SECRET_JIRA_PAT. */
export function secretEnvName(name: string): string {
  return `USERSYNC_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, missing: string): ResolvedValue {
  const value = env[name];
  if (value === undefined || value === '') return { error: missing, secret: true };
  return { value, secret: true };
}

function fromFile(configDir: string, file: string): ResolvedValue {
  const full = path.resolve(configDir, file);
  try {
    const text = fs.readFileSync(full, 'utf8');
    return { value: text.replace(/\r?\n$/, ''), secret: true };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`;
    return { error: `file "${file}" ${why}`, secret: true };
  }
}

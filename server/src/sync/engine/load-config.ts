import * as fs from 'fs';
import * as path from 'path';
import type { Document } from '../../model/model';
import { LineIndex, type Span } from '../../text/span';
import { parseDocument } from '../../parse';
import { checkDocument } from '../../check';
import type { RunnableConnector } from '../types';
import { redactor } from '../secrets';
import { buildRunnable, literalCredentials } from './runnable';

/**
 * Config file → runnable connectors, refusing any document with error diagnostics (syntax, checks),
 * and any connector it is to run whose settings do not resolve. The error lists every problem as
 * `file:line:col code message`; ConfigError carries exit code 2 so the CLI can pass it on as a CliError.
 *
 * With `connector`, only that connector's settings must resolve: a pod that runs one connector of a
 * shared file holds only that connector's credentials (docs/operations.md, "A fleet larger than one
 * machine"). The credentials of the others that do resolve are still redacted.
 */

export class ConfigError extends Error {
  readonly exitCode = 2;
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /** Workspace trust: false refuses env/file/secret values (VS Code's restricted mode). */
  trusted?: boolean;
  secrets?: (name: string) => string | undefined;
  /**
   * Keep only this connector (error when the file has none by that name); the other connectors' settings
   * need not resolve.
   */
  connector?: string;
}

export interface LoadedConfig {
  file: string;
  document: Document;
  connectors: RunnableConnector[];
  /** Redacts the secrets of every connector in the file that resolved, those not run included. */
  redact: (text: string) => string;
}

export function loadConfig(file: string, options: LoadOptions = {}): LoadedConfig {
  const full = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { document, errors } = parseDocument(text, full);
  const index = new LineIndex(text);
  const where = (span: Span): string => {
    const p = index.position(span.start);
    return `${file}:${p.line + 1}:${p.character + 1}`;
  };
  const problems = checkDocument(document, errors)
    .filter((d) => d.severity === 'error')
    .map((d) => ({ span: d.span, line: `${d.code} ${d.message}` }));
  if (problems.length > 0) {
    const redactLiterals = redactor(literalCredentials(document));
    throw new ConfigError(
      redactLiterals(
        listing(
          file,
          problems.map((p) => `${where(p.span)} ${p.line}`),
        ),
      ),
    );
  }

  const built = buildRunnable(document, {
    env: options.env ?? process.env,
    configDir: path.dirname(full),
    secrets: options.secrets,
    trusted: options.trusted ?? true,
  });
  const redact = redactor(built.secrets);
  const wanted = options.connector;
  if (wanted !== undefined && !document.connectors.some((c) => c.name === wanted)) {
    const names = document.connectors.map((c) => c.name).join(', ') || 'none';
    throw new ConfigError(`${file} has no connector '${wanted}' (connectors: ${names})`);
  }
  const failed = wanted === undefined ? built.errors : built.errors.filter((e) => e.connector === wanted);
  if (failed.length > 0) {
    throw new ConfigError(
      redact(
        listing(
          file,
          failed.map((e) => `${where(e.span)} setting ${e.connector}: ${e.message}`),
        ),
      ),
    );
  }
  const connectors = wanted === undefined ? built.connectors : built.connectors.filter((c) => c.name === wanted);
  if (connectors.length === 0) throw new ConfigError(`${file} declares no connector`);
  return { file: full, document, connectors, redact };
}

function listing(file: string, lines: string[]): string {
  const n = lines.length;
  return `${file} has ${n} error${n === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

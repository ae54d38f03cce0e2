/**
 * How the engine talks to whoever drives it (CLI, daemon, VS Code): progress and log callbacks only,
 * no console. Log text is redacted by the engine before the callback sees it.
 */

export type Phase = 'read-source' | 'read-target' | 'plan' | 'apply' | 'rollback';

export interface ProgressEvent {
  phase: Phase;
  done: number;
  /** undefined while the total is not known yet (IdP paging). */
  total?: number;
}

export type ProgressFn = (event: ProgressEvent) => void;

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFn = (level: LogLevel, message: string) => void;

import { SingleBar, Presets } from 'cli-progress';
import type { ProgressEvent } from '../../sync/engine/events';

/**
 * Progress for the apply phase: a cli-progress bar on a terminal, plain `applied 100/1000` lines
 * otherwise (logs, CI). Progress goes to stderr so that stdout stays the report (and clean JSON).
 */

export interface ProgressView {
  onProgress(e: ProgressEvent): void;
  stop(): void;
}

export function progressView(tty: boolean, write: (line: string) => void): ProgressView {
  let bar: SingleBar | undefined;
  let lastRead = -1;
  return {
    onProgress(e) {
      if (e.phase === 'read-source' && e.total === undefined && e.done !== lastRead) {
        lastRead = e.done;
        if (!tty) write(`read ${e.done} IdP users`);
        return;
      }
      if (e.phase !== 'apply' && e.phase !== 'rollback') return;
      const total = e.total ?? 0;
      if (tty) {
        if (!bar) {
          bar = new SingleBar(
            { format: 'applying [{bar}] {value}/{total} users', stream: process.stderr, hideCursor: true },
            Presets.shades_classic,
          );
          bar.start(total, e.done);
        } else bar.update(e.done);
      } else if (total > 0 && e.done > 0) write(`applied ${e.done}/${total}`);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

import { readFileSync } from 'fs';

/** Small measuring and reporting helpers shared by the benchmarks. */

/** The p-th percentile (0..100) of the samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Peak and current resident set size of a process in KiB (Linux /proc), or undefined once it is gone. */
export function memoryOf(pid: number): { hwmKiB: number; rssKiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { hwmKiB: kib('VmHWM'), rssKiB: kib('VmRSS') };
  } catch {
    return undefined;
  }
}

/** Polls a process's memory every `everyMs`; `peakMiB()` is the highest VmHWM/VmRSS seen so far. */
export class RssPoller {
  private peakKiB = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 25,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    const m = memoryOf(this.pid);
    if (m) this.peakKiB = Math.max(this.peakKiB, m.hwmKiB || 0, m.rssKiB || 0);
  }

  peakMiB(): number {
    this.sample();
    return this.peakKiB / 1024;
  }

  stop(): number {
    const peak = this.peakMiB();
    clearInterval(this.timer);
    return peak;
  }
}

export const ms = (x: number): string => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : 'n/a');
export const mib = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)} MiB` : 'n/a');
export const times = (x: number): string => (Number.isFinite(x) ? `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×` : 'n/a');
export const int = (x: number): string => x.toLocaleString('en-US');

/** A markdown table. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "met" or "missed by …" for a figure against a bound it must stay under (or at). */
export function verdict(value: number, bound: number, unit: (x: number) => string): string {
  if (!Number.isFinite(value)) return 'not measured';
  return value <= bound
    ? `met (${unit(value)} ≤ ${unit(bound)})`
    : `missed by ${unit(value - bound)} (${unit(value)} > ${unit(bound)}, ${times(value / bound)} the bound)`;
}

/** Command-line flags: `--quick`, `--name value` and `--name=value` (a value may start with `--`). */
export function flags(argv: string[]): { has(name: string): boolean; get(name: string): string | undefined } {
  return {
    has: (name) => argv.includes(`--${name}`),
    get: (name) => {
      const eq = argv.find((a) => a.startsWith(`--${name}=`));
      if (eq) return eq.slice(name.length + 3);
      const i = argv.indexOf(`--${name}`);
      return i >= 0 && i + 1 < argv.length ? argv[i + 1] : undefined;
    },
  };
}

/** CPU time of a process's main thread so far (Linux schedstat, ns → ms): steadier than wall time on a busy machine. */
export function mainThreadCpuMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { mib, ms, percentile, table, times, verdict } from './measure';
import { selfTimes } from './profile-top';

/** The LSP benchmark's results, table and target lines (markdown). */

export interface Result {
  openMs: number;
  /** CPU time of the server's main thread during the open. */
  openCpuMs: number;
  openDiagnostics: number;
  edits: number[];
  /** Last keystroke of a burst of five → diagnostics for it. */
  bursts: number[];
  completions: number[];
  completionItems: number;
  /** RSS after initialize, before the document is opened (the process's own baseline). */
  idleMiB: number;
  peakMiB: number;
  /** Peak RSS so far at the end of each phase: where the peak is reached. */
  peaks: Record<'open' | 'edits' | 'completions', number>;
  /** Monotonic µs (the clock of --cpu-prof profiles) around each phase. */
  windows: Record<'open' | 'edits' | 'completions', [number, number]>;
}

export function report(names: string[], [ours, yaml]: Result[], keyIntervalMs: number): string {
  const rows = [
    ['open → diagnostics', ms(ours.openMs), ms(yaml.openMs), times(ours.openMs / yaml.openMs), '≤ 0.10×'],
    ['edit → diagnostics p50', ms(percentile(ours.edits, 50)), ms(percentile(yaml.edits, 50)), '', '≤ 25 ms'],
    ['edit → diagnostics p95', ms(percentile(ours.edits, 95)), ms(percentile(yaml.edits, 95)), '', ''],
    [
      `typing (5 keys ${keyIntervalMs} ms apart) → diagnostics, p50`,
      ms(percentile(ours.bursts, 50)),
      ms(percentile(yaml.bursts, 50)),
      '',
      '',
    ],
    ['completion p50', ms(percentile(ours.completions, 50)), ms(percentile(yaml.completions, 50)), '', ''],
    ['completion p95', ms(percentile(ours.completions, 95)), ms(percentile(yaml.completions, 95)), '', '≤ 5 ms'],
    ['peak RSS', mib(ours.peakMiB), mib(yaml.peakMiB), times(ours.peakMiB / yaml.peakMiB), '≤ 0.33×'],
    ['RSS before open (process baseline)', mib(ours.idleMiB), mib(yaml.idleMiB), '', ''],
    ['diagnostics on open', String(ours.openDiagnostics), String(yaml.openDiagnostics), '', ''],
    ['completion items', String(ours.completionItems), String(yaml.completionItems), '', ''],
  ];
  const targets = [
    `- open → diagnostics at most a tenth of yaml-language-server's: ${verdict(ours.openMs / yaml.openMs, 0.1, times)}`,
    `- edit → diagnostics p50 at most 25 ms: ${verdict(percentile(ours.edits, 50), 25, ms)}`,
    `- completion p95 at most 5 ms: ${verdict(percentile(ours.completions, 95), 5, ms)}`,
    `- peak RSS at most a third of yaml-language-server's: ${verdict(ours.peakMiB / yaml.peakMiB, 1 / 3, times)}`,
  ];
  return [table(['', names[0], names[1], 'ratio', 'target'], rows), '', 'Targets:', ...targets].join('\n');
}

/** Several runs of one server as one result: medians of the per-process figures, all latency samples. */
export function combine(runs: Result[]): Result {
  const median = (f: (r: Result) => number) => percentile(runs.map(f), 50);
  return {
    openMs: median((r) => r.openMs),
    openCpuMs: median((r) => r.openCpuMs),
    openDiagnostics: runs[0].openDiagnostics,
    edits: runs.flatMap((r) => r.edits),
    bursts: runs.flatMap((r) => r.bursts),
    completions: runs.flatMap((r) => r.completions),
    completionItems: runs[0].completionItems,
    idleMiB: median((r) => r.idleMiB),
    peakMiB: median((r) => r.peakMiB),
    peaks: {
      open: median((r) => r.peaks.open),
      edits: median((r) => r.peaks.edits),
      completions: median((r) => r.peaks.completions),
    },
    windows: runs[0].windows,
  };
}

/** Where our server spent its time in each phase: top self-time functions of its CPU profile. */
export function profileReport(dir: string, windows: Result['windows']): string {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return `\nno CPU profile was written to ${dir}`;
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Parameters<typeof selfTimes>[0];
  const out = [`\nCPU profile of our server: ${path.join(dir, file)}`];
  for (const [phase, [from, to]] of Object.entries(windows)) {
    const { total, rows } = selfTimes(profile, (from - profile.startTime) / 1000, (to - profile.startTime) / 1000);
    out.push('', `${phase}: ${total.toFixed(0)} ms of samples`, '');
    out.push(
      table(
        ['self ms', '%', 'function', 'where'],
        rows.slice(0, 15).map((r) => [r.ms.toFixed(1), ((100 * r.ms) / total).toFixed(1), r.name, r.where]),
      ),
    );
  }
  return out.join('\n');
}

/** `--ours-only`: one line of our server's figures (medians over its processes), for trying a change. */
export function oursOnly(runs: Result[]): string {
  const o = combine(runs);
  return (
    `ours only: open ${o.openMs.toFixed(1)} ms (main thread CPU ${o.openCpuMs.toFixed(1)} ms), ` +
    `peak ${o.peakMiB.toFixed(1)} MiB, before open ${o.idleMiB.toFixed(1)} MiB; ` +
    `peak by the end of open ${o.peaks.open.toFixed(1)}, of the edits ${o.peaks.edits.toFixed(1)}, ` +
    `of the completions ${o.peaks.completions.toFixed(1)} MiB; ` +
    `edit p50 ${percentile(o.edits, 50).toFixed(2)} ms, completion p95 ${percentile(o.completions, 95).toFixed(2)} ms`
  );
}

import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

/**
 * Top self-time functions of a V8 .cpuprofile (from `node --cpu-prof`), the benchmarks' way to say
 * where time goes:
 *
 *   npx tsx scripts/bench/profile-top.ts <file.cpuprofile | folder> [--top 25] [--from ms] [--to ms]
 *
 * `--from`/`--to` keep only the samples in that window (ms since the profile started); with a folder,
 * every profile in it is reported.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
}

/** Self time per function (summed over its nodes), largest first; the window is in ms from the start. */
export function selfTimes(profile: CpuProfile, from = 0, to = Infinity): { total: number; rows: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, SelfTime>();
  let t = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const ms = t / 1000;
    if (ms < from || ms > to) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = displayName(functionName);
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const key = `${name} ${where}`;
    const row = totals.get(key) ?? { name, where, ms: 0 };
    row.ms += dt / 1000;
    total += dt / 1000;
    totals.set(key, row);
  }
  return { total, rows: [...totals.values()].sort((a, b) => b.ms - a.ms) };
}

/**
 * A function's name for a table. V8 names regular expressions by their source, and the engine's redactor
 * builds its pattern from secret values: long names are cut so no such source is ever printed.
 */
function displayName(functionName: string): string {
  if (!functionName) return '(anonymous)';
  if (functionName.startsWith('RegExp:') && functionName.length > 40)
    return `RegExp (a ${functionName.length - 8}-character pattern)`;
  return functionName.length > 80 ? `${functionName.slice(0, 77)}...` : functionName;
}

function main(argv: string[]): void {
  const target = argv[0];
  if (!target) throw new Error('usage: profile-top.ts <file.cpuprofile | folder> [--top n] [--from ms] [--to ms]');
  const opt = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => path.join(target, f))
    : [target];
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const { total, rows } = selfTimes(profile, opt('from', 0), opt('to', Infinity));
    const span = (profile.endTime - profile.startTime) / 1000;
    console.log(`\n${path.basename(file)}: ${span.toFixed(0)} ms profiled, ${total.toFixed(0)} ms in the window`);
    console.log('| self ms | % | function | where |\n| ---: | ---: | --- | --- |');
    for (const r of rows.slice(0, opt('top', 25)))
      console.log(`| ${r.ms.toFixed(1)} | ${((100 * r.ms) / total).toFixed(1)} | ${r.name} | ${r.where} |`);
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

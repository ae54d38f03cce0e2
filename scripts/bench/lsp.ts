import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { build, type BuildOptions } from 'esbuild';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';
import { parseDocument } from '../../server/src/parse';
import { printYaml } from '../../server/src/yaml/print-yaml';
import { benchConfigText } from './lsp-config';
import { LspSession } from './lsp-session';
import { combine, oursOnly, profileReport, report, type Result } from './lsp-report';
import { flags, mainThreadCpuMs, memoryOf } from './measure';

/**
 * LSP benchmark (docs/benchmarks.md): the usersync language server on a large `.usersync` file against
 * yaml-language-server on the same configuration in YAML form with the usersync JSON Schema, in one run:
 * open → diagnostics, one-character edit → fresh diagnostics, completion latency, peak RSS.
 *
 *   npm run bench:lsp [-- --quick] [-- --repeat 3] [-- --profile]
 *
 * `--profile` starts our server with --cpu-prof and prints its top self-time functions per phase;
 * `--node-args "<flags>"` passes node flags to our server (e.g. "--max-semi-space-size=2") to try a fix;
 * `--ours-only` measures our server alone and prints its open time and memory (no comparison).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA = path.join(ROOT, 'schemas', 'usersync.schema.json');
const YAML_LS = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

interface Sizes {
  connectors: number;
  mappings: number;
  edits: number;
  bursts: number;
  completions: number;
}

const FULL: Sizes = { connectors: 200, mappings: 25, edits: 30, bursts: 10, completions: 100 };
const QUICK: Sizes = { connectors: 30, mappings: 25, edits: 5, bursts: 2, completions: 20 };

interface Subject {
  name: string;
  uri: string;
  languageId: string;
  text: string;
  /** The one character the edits toggle (a letter inside an attribute path of a middle connector). */
  editAt: { line: number; character: number };
  completeAt: { line: number; character: number };
  start(): Promise<LspSession>;
}

async function main(): Promise<void> {
  const args = flags(process.argv.slice(2));
  const sizes = args.has('quick') ? QUICK : FULL;
  const repeat = args.has('profile') ? 1 : Number(args.get('repeat') ?? (args.has('quick') ? 1 : 3));
  const dir = mkdtempSync(path.join(tmpdir(), 'usersync-bench-lsp-'));
  try {
    const text = benchConfigText(sizes.connectors, sizes.mappings);
    const parsed = parseDocument(text, 'bench.usersync');
    if (parsed.errors.length > 0) throw new Error(`the generated config does not parse: ${parsed.errors[0].message}`);
    const yaml = `# yaml-language-server: $schema=${pathToFileURL(SCHEMA).href}\n${printYaml(parsed.document)}`;
    const files = { usersync: path.join(dir, 'bench.usersync'), yaml: path.join(dir, 'bench.usersync.yaml') };
    writeFileSync(files.usersync, text);
    writeFileSync(files.yaml, yaml);
    const ours = await bundleServer(dir);
    const profileDir = args.has('profile') ? path.join(dir, 'profile') : undefined;
    const middle = Math.floor(sizes.connectors / 6) * 3; // an azure connector halfway down

    const all: Subject[] = [
      {
        name: 'usersync-language-server (.usersync)',
        uri: pathToFileURL(files.usersync).href,
        languageId: 'usersync',
        text,
        editAt: after(text, `division_${pad(middle)} {`, '= jobTitle', 'jobTitl'),
        completeAt: after(text, `division_${pad(middle)} {`, '= manager.mail', '= manager.'),
        start: async () => {
          const cpu = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
          const extra = args.get('node-args')?.split(' ').filter(Boolean) ?? [];
          // as the VS Code client and the launcher start it: with its memory flags (server/src/lsp/node-flags.ts)
          const s = LspSession.start('usersync', [...SERVER_NODE_FLAGS, ...cpu, ...extra, ours, '--stdio']);
          await s.initialize(null, { trusted: false });
          return s;
        },
      },
      {
        name: 'yaml-language-server (YAML + JSON Schema)',
        uri: pathToFileURL(files.yaml).href,
        languageId: 'yaml',
        text: yaml,
        editAt: after(yaml, `division_${pad(middle)}:`, ': jobTitle', ': jobTitl'),
        // a key position in the connector mapping: the schema's connector properties are offered
        completeAt: after(yaml, `division_${pad(middle)}:`, '    on_empty:', '    '),
        start: async () => {
          const settings = {
            yaml: {
              validate: true,
              completion: true,
              hover: true,
              format: { enable: false },
              schemaStore: { enable: false },
              schemas: {},
            },
          };
          const s = LspSession.start('yaml-language-server', [YAML_LS, '--stdio'], settings);
          await s.initialize(pathToFileURL(dir).href);
          await s.notify('workspace/didChangeConfiguration', { settings });
          return s;
        },
      },
    ];
    // --ours-only: our server alone, for trying a change quickly (no ratios).
    const subjects = args.has('ours-only') ? all.slice(0, 1) : all;

    const lines = (t: string) => t.split('\n').length;
    console.log(
      `# LSP benchmark${args.has('quick') ? ' (--quick)' : ''}\n\n` +
        `Machine: ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(2)} at the start. ` +
        `Config: ${sizes.connectors} connectors × ${sizes.mappings} mappings — ` +
        `${lines(text).toLocaleString('en-US')} lines of .usersync, ${lines(yaml).toLocaleString('en-US')} lines of YAML. ` +
        `${sizes.edits} edits, ${sizes.bursts} typing bursts, ${sizes.completions} completions per server process; ` +
        `${repeat} fresh process${repeat === 1 ? '' : 'es'} per server (open time and RSS: the median; ` +
        'latencies: percentiles over all samples).\n',
    );
    // Fresh processes, the two servers taking turns, so that load from elsewhere spreads over both.
    const runs: Result[][] = subjects.map(() => []);
    for (let r = 0; r < repeat; r++) {
      for (let i = 0; i < subjects.length; i++) runs[i].push(await measure(subjects[i], sizes));
    }
    const results = runs.map(combine);
    if (args.has('ours-only')) {
      console.log(oursOnly(runs[0]));
      if (profileDir) console.log(profileReport(profileDir, results[0].windows));
      return;
    }
    console.log(
      report(
        subjects.map((x) => x.name),
        results,
        KEY_INTERVAL_MS,
      ),
    );
    if (profileDir) console.log(profileReport(profileDir, results[0].windows));
  } finally {
    if (!args.has('profile')) rmSync(dir, { recursive: true, force: true });
  }
}

/** The server bundled as `npm run build` bundles it (same options), so that no TypeScript is compiled while it is measured. */
async function bundleServer(dir: string): Promise<string> {
  const outfile = path.join(dir, 'server.js');
  const { serverOptions } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'bundle-options.mjs')).href)) as {
    serverOptions: (outfile: string) => BuildOptions;
  };
  await build({ ...serverOptions(outfile), absWorkingDir: ROOT });
  return outfile;
}

async function measure(subject: Subject, sizes: Sizes): Promise<Result> {
  const session = await subject.start();
  const windows = {} as Result['windows'];
  const now = () => Number(process.hrtime.bigint() / 1000n);
  const { uri, editAt } = subject;
  try {
    await delay(200); // let the server settle after initialized
    const idleMiB = (memoryOf(session.pid)?.rssKiB ?? NaN) / 1024;
    windows.open = [now(), 0];
    const cpuBefore = mainThreadCpuMs(session.pid);
    const openMs = await session.open(uri, subject.languageId, subject.text, 60_000);
    const openCpuMs = mainThreadCpuMs(session.pid) - cpuBefore;
    windows.open[1] = now();
    const openDiagnostics = session.published.find((p) => p.uri === uri)?.count ?? 0;
    const afterOpenMiB = session.peakRssMiB();
    // One character toggled back and forth: each edit waits for its own fresh diagnostics.
    const original = lineOf(subject.text, editAt.line)[editAt.character];
    let version = 1;
    const edits: number[] = [];
    windows.edits = [now(), 0];
    for (let i = 0; i < sizes.edits; i++) {
      const char = i % 2 === 0 ? 'X' : original;
      edits.push(await session.edit(uri, ++version, editAt, 1, char, 30_000));
    }
    if (sizes.edits % 2 === 1) await session.edit(uri, ++version, editAt, 1, original, 30_000);
    // Typing: keystrokes 30 ms apart (faster than either server answers), timed from the last one.
    const bursts: number[] = [];
    for (let b = 0; b < sizes.bursts; b++) {
      for (const char of 'vwxy') {
        await session.type(uri, ++version, editAt, 1, char);
        await delay(KEY_INTERVAL_MS);
      }
      bursts.push(await session.edit(uri, ++version, editAt, 1, original, 30_000));
    }
    windows.edits[1] = now();
    const afterEditsMiB = session.peakRssMiB();
    const completions: number[] = [];
    let completionItems = 0;
    windows.completions = [now(), 0];
    for (let i = 0; i < sizes.completions; i++) {
      const c = await session.complete(uri, subject.completeAt);
      completions.push(c.ms);
      completionItems = c.items;
    }
    windows.completions[1] = now();
    const peakMiB = session.peakRssMiB();
    const peaks = { open: afterOpenMiB, edits: afterEditsMiB, completions: peakMiB };
    return {
      openMs,
      openCpuMs,
      openDiagnostics,
      edits,
      bursts,
      completions,
      completionItems,
      idleMiB,
      peakMiB,
      peaks,
      windows,
    };
  } finally {
    await session.stop();
  }
}

const KEY_INTERVAL_MS = 30;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pad = (i: number): string => String(i).padStart(3, '0');

function lineOf(text: string, line: number): string {
  return text.split('\n')[line];
}

/** The position just after `prefix` in the first line containing `needle` after the line containing `anchor`. */
function after(text: string, anchor: string, needle: string, prefix: string): { line: number; character: number } {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(anchor));
  const line = lines.findIndex((l, i) => i > from && l.includes(needle));
  if (from < 0 || line < 0) throw new Error(`no "${needle}" after "${anchor}" in the generated text`);
  return { line, character: lines[line].indexOf(prefix) + prefix.length };
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:lsp failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

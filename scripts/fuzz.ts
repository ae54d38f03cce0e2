/**
 * The long reliability runs (`npm run fuzz -- [mode] [options]`; docs/reliability.md has the figures):
 *
 *   (default)  language: --count documents (default 100000) through parse, check, format, completion, hover
 *   --lsp      language server: --count random edit sequences (default 10000) over the protocol
 *   --faults   sync with 10 % faults: --users (default 10000) against a clean twin sandbox
 *   --kill     `usersync run` killed with SIGKILL --kills times (default 20), --users (default 2000)
 *   --sweep    language: every pattern of three grammar pieces repeated to 40-60 KB, four places per form
 *
 * --seed N makes a run repeatable (the seed is printed); --out DIR is where failing inputs are written
 * (default .tmp/fuzz). Exit 1 on any failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { faultRun } from '../test/reliability/fault-run';
import { killRuns } from '../test/reliability/kill-runs';
import { runLanguageFuzz } from '../test/reliability/language-fuzz';
import { runLspFuzz } from '../test/reliability/lsp-fuzz';
import { sweepCases, sweepSize, type SweepCase } from '../test/reliability/language-sweep';

const { values } = parseArgs({
  options: {
    lsp: { type: 'boolean', default: false },
    faults: { type: 'boolean', default: false },
    kill: { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    count: { type: 'string' },
    seed: { type: 'string' },
    users: { type: 'string' },
    kills: { type: 'string' },
    spec: { type: 'string', default: '429=0.02,500=0.02,503=0.02,reset=0.02,slow=0.02,slowms=2000' },
    out: { type: 'string', default: path.join('.tmp', 'fuzz') },
  },
});

const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;
const say = (line: string) => process.stdout.write(`${line}\n`);

function save(name: string, content: string): string {
  fs.mkdirSync(values.out!, { recursive: true });
  const file = path.join(values.out!, name);
  fs.writeFileSync(file, content);
  return file;
}

async function language(): Promise<boolean> {
  const count = num(values.count, 100_000);
  say(`language fuzz: ${count} documents, seed ${seed}`);
  const started = Date.now();
  const r = runLanguageFuzz({
    count,
    seed,
    progressEvery: 5000,
    onProgress: (done, p) =>
      say(
        `  ${done}/${count} in ${((Date.now() - started) / 1000).toFixed(0)} s, slowest ${p.slowest.ms.toFixed(0)} ms, ${p.failures.length} failures`,
      ),
  });
  say(
    `documents ${r.cases} (${Object.entries(r.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}), ${(r.totalChars / 1e6).toFixed(1)} M characters`,
  );
  say(
    `time ${(r.totalMs / 1000).toFixed(1)} s in the stages, mean ${(r.totalMs / r.cases).toFixed(2)} ms per document`,
  );
  say(`slowest ${r.slowest.ms.toFixed(0)} ms: ${r.slowest.origin} (${r.slowest.chars} characters)`);
  r.failures.forEach((f, i) => {
    const ext = f.case.uri.endsWith('.yaml') ? 'usersync.yaml' : 'usersync';
    const file = save(`language-${seed}-${i}.${ext}`, f.case.text);
    save(
      `language-${seed}-${i}.json`,
      JSON.stringify(
        { origin: f.case.origin, uri: f.case.uri, times: f.times, problems: f.problems, positions: f.case.positions },
        null,
        2,
      ),
    );
    say(`FAIL ${f.times}x ${f.problems[0]}\n     ${f.case.origin}, input in ${file}`);
  });
  return r.failures.length === 0;
}

async function lsp(): Promise<boolean> {
  const sequences = num(values.count, 10_000);
  say(`protocol fuzz: ${sequences} edit sequences, seed ${seed}`);
  const r = await runLspFuzz({
    sequences,
    seed,
    progressEvery: 500,
    onProgress: (done, p) =>
      say(`  ${done}/${sequences}, ${p.edits} edits, ${p.requests} requests, ${p.failures.length} failures`),
  });
  say(
    `sequences ${r.sequences}, edits ${r.edits}, requests ${r.requests}, publications ${r.publications} in ${(r.durationMs / 1000).toFixed(0)} s`,
  );
  say(`slowest final diagnostics ${r.slowestFinalDiagnosticsMs} ms after the last edit`);
  say(
    `RSS after warm-up ${mb(r.rssAfterWarmupKb)}, at the end ${mb(r.rssEndKb)} (${(r.rssEndKb / r.rssAfterWarmupKb).toFixed(2)}x), max ${mb(r.rssMaxKb)}`,
  );
  say(`diagnostics that differ from parse + check of the whole text: ${r.wholeDocumentMismatches} sequences`);
  if (r.firstWholeDocumentMismatch) say(`  first: ${r.firstWholeDocumentMismatch.slice(0, 400)}`);
  const memoryOk = r.rssEndKb <= 1.2 * r.rssAfterWarmupKb;
  if (!memoryOk) say('FAIL memory grew by more than 1.2x after warm-up');
  for (const e of r.serverErrors) say(`FAIL server logged: ${e.split('\n')[0]}`);
  r.failures.forEach((f, i) => {
    const file = save(`lsp-${seed}-${i}.json`, JSON.stringify(f, null, 2));
    say(`FAIL sequence ${f.sequence}: ${f.problem}\n     start and changes in ${file}`);
  });
  return r.failures.length === 0 && r.serverErrors.length === 0 && memoryOk;
}

async function faults(): Promise<boolean> {
  const users = num(values.users, 10_000);
  say(`fault run: ${users} users, faults ${values.spec}, seed ${seed}`);
  const r = await faultRun({ users, seed: `fuzz-${seed}`, faults: values.spec! });
  say(`clean run ${(r.cleanMs / 1000).toFixed(1)} s, run under faults ${(r.faultyMs / 1000).toFixed(1)} s`);
  say(`requests ${r.stats.total}, faults ${JSON.stringify(r.stats.faults)}`);
  say(`statuses ${JSON.stringify(r.stats.statuses)}`);
  say(
    `changes ${r.changes}, users updated ${r.updatedUsers}, journal rows ${r.journalRows}, users not done ${r.notDone.length}`,
  );
  for (const n of r.notDone.slice(0, 20)) say(`  not done ${n.connector} ${n.username}: ${n.status} ${n.message}`);
  for (const p of r.problems) say(`FAIL ${p}`);
  return r.problems.length === 0;
}

async function kill(): Promise<boolean> {
  const kills = num(values.kills, 20);
  const users = num(values.users, 2000);
  say(`kill run: ${kills} SIGKILLs, ${users} users, seed ${seed}`);
  const r = await killRuns({
    users,
    kills,
    seed,
    latencyMs: 30,
    onKill: (k, exit, moment) =>
      say(`  kill ${k + 1} at ${moment} ms: ${exit.signal ?? `exit ${exit.code}`}, last line "${exit.lastLine}"`),
  });
  say(`clean run ${r.cleanRunMs} ms; final run exit ${r.finalExit.code} in ${r.finalExit.ms} ms`);
  say(`runs journaled ${r.runs}, interrupted ${r.interruptedRuns}, writes left pending ${r.pendingWrites}`);
  const bad = r.integrity.filter((x) => x.length > 0);
  say(
    `integrity_check: ${r.integrity.length - bad.length}/${r.integrity.length} ok; users differing from the clean run: ${r.differing.length}`,
  );
  for (const b of bad) say(`FAIL integrity: ${b.join('; ')}`);
  for (const d of r.differing.slice(0, 20)) say(`FAIL differs: ${d}`);
  return bad.length === 0 && r.differing.length === 0 && r.finalExit.code === 0;
}

async function sweep(): Promise<boolean> {
  say(`pattern sweep: ${sweepSize()} texts of one pattern repeated, both forms, budget 1,000 ms`);
  const started = Date.now();
  const slowest: SweepCase[] = [];
  let cases = 0;
  let failures = 0;
  for (const c of sweepCases()) {
    cases++;
    const slow = c.outcome.ms > 1000;
    if (slow || c.outcome.problems.length > 0) {
      failures++;
      say(
        `FAIL ${c.place} ${JSON.stringify(c.pattern)}: ${slow ? `${Math.round(c.outcome.ms)} ms ` : ''}${c.outcome.problems[0] ?? ''}`,
      );
    }
    slowest.push(c);
    slowest.sort((x, y) => y.outcome.ms - x.outcome.ms).splice(5);
    if (cases % 2000 === 0) say(`  ${cases} in ${((Date.now() - started) / 1000).toFixed(0)} s, ${failures} failures`);
  }
  say(`cases ${cases} in ${((Date.now() - started) / 1000).toFixed(0)} s; slowest:`);
  for (const c of slowest) {
    const stages = Object.entries(c.outcome.stageMs).map(([k, v]) => `${k} ${Math.round(v)}`);
    say(`  ${Math.round(c.outcome.ms)} ms ${c.place} ${JSON.stringify(c.pattern)} (${stages.join(', ')})`);
  }
  return failures === 0;
}

const mode = values.lsp ? lsp : values.faults ? faults : values.kill ? kill : values.sweep ? sweep : language;
mode().then(
  (ok) => {
    say(ok ? 'PASS' : 'FAIL');
    process.exitCode = ok ? 0 : 1;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);

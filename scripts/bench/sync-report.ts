import { readFileSync } from 'fs';
import * as path from 'path';
import { int, mib, ms, table, times, verdict } from './measure';
import { selfTimes } from './profile-top';
import type { DriverResult } from './sync-driver';
import type { FloorResult } from './sync-floor';
import { STRATEGY, type Idp } from './sync-config';
import { KIND_LABELS, type RequestKind } from './sync-requests';
import type { ServiceTimes } from './sync-service-time';

/** The sync benchmark's tables and target lines (markdown). */

export interface Case {
  idp: Idp;
  users: number;
}

export interface Measured {
  c: Case;
  driver: DriverResult;
  processMs: number;
  /** CPU time the bench process (the sandbox) spent while the measured run ran. */
  sandboxCpuMs: number;
  peakMiB: number;
  requests: Record<RequestKind, number>;
  minimum: Record<RequestKind, number>;
  /** Sequential IdP requests × latency + target requests / concurrency × latency. */
  criticalMs: number;
  /** What the sandbox took to answer each kind, latency included. */
  service: ServiceTimes;
  routes: string[];
  /** The measured run's .cpuprofile (with --profile). */
  profile?: string;
  /** The floor client's replay of the measured run's requests, and the sandbox's CPU while it ran. */
  floor: FloorResult & { sandboxCpuMs: number };
}

const KINDS = Object.keys(KIND_LABELS) as RequestKind[];
const name = (m: Measured) => `${m.c.idp} → ${STRATEGY[m.c.idp].connector.split('_').pop()}, ${int(m.c.users)}`;
const sum = (r: Record<RequestKind, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '—' : 'above 0') : times(a / b));

/** The critical path again, with each request costing what the sandbox really took to answer it. */
export function serviceCriticalMs(m: Measured, concurrency: number): number {
  const s = m.service;
  const sequential = s.token.totalMs + s.idpPages.totalMs + s.other.totalMs;
  return sequential + (s.perUser.totalMs + s.targetReads.totalMs + s.targetWrites.totalMs) / concurrency;
}

export function report(results: Measured[], o: { latencyMs: number; concurrency: number }): string {
  const main = results.map((m) => {
    const served = serviceCriticalMs(m, o.concurrency);
    return [
      name(m),
      int(m.driver.stats.idpUsers),
      int(m.driver.stats.changedUsers),
      int(Math.round(m.driver.stats.idpUsers / (m.driver.engineMs / 1000))),
      ms(m.driver.engineMs),
      ms(m.criticalMs),
      times(m.driver.engineMs / m.criticalMs),
      ms(served),
      times(m.driver.engineMs / served),
      ms(m.processMs),
      mib(m.peakMiB),
    ];
  });
  const requests = results.flatMap((m) =>
    KINDS.filter((k) => m.requests[k] > 0 || m.minimum[k] > 0).map((k) => [
      name(m),
      KIND_LABELS[k],
      int(m.requests[k]),
      int(m.minimum[k]),
      ratio(m.requests[k], m.minimum[k]),
      m.service[k].count ? ms(m.service[k].totalMs / m.service[k].count) : '—',
    ]),
  );
  const phases = results.map((m) => {
    const d = m.driver;
    return [
      name(m),
      ms(d.loadMs),
      ms(d.planMs),
      ms(d.applyMs),
      ms(d.engineCpuMs),
      ms(m.sandboxCpuMs),
      Object.entries(d.memoryPeaks)
        .filter(([k]) => k !== 'rss')
        .map(([k, v]) => `${k} ${mib(v)}`)
        .join(', '),
    ];
  });
  const floors = results.map((m) => [
    name(m),
    ms(m.criticalMs),
    ms(m.driver.engineMs),
    times(m.driver.engineMs / m.criticalMs),
    ms(m.floor.wallMs),
    times(m.floor.wallMs / m.criticalMs),
    ms(m.floor.cpuMs),
    ms(m.floor.sandboxCpuMs),
    times(m.driver.engineMs / m.floor.wallMs),
  ]);
  return [
    table(
      [
        'case',
        'IdP users',
        'changed',
        'users/s',
        'engine time',
        'critical path',
        'ratio',
        'critical path at sandbox service time',
        'ratio',
        'process wall',
        'peak RSS',
      ],
      main,
    ),
    '',
    `Critical path: (token + IdP pages) × ${o.latencyMs} ms + (target reads + writes) / ${o.concurrency} × ${o.latencyMs} ms, ` +
      'from the minimum counts. At sandbox service time: the same with what the sandbox really took per request ' +
      '(latency plus its own work), the best any client could do against it. Engine time: planning + applying, ' +
      'without process start and config load (process wall has them).',
    '',
    table(['case', 'kind', 'issued', 'minimum', 'issued / minimum', 'sandbox service time (mean)'], requests),
    '',
    'Where the engine time goes. Planning reads the IdP pages, evaluates each page, reads the target in batches ' +
      'and diffs each answer as it comes, all interleaved, so it is one column. Engine CPU and sandbox CPU are ' +
      'spent during the engine time, on 2 cores:',
    '',
    table(
      [
        'case',
        'config load',
        'plan (read IdP, evaluate, read target, diff)',
        'apply (writes + journal)',
        'engine CPU',
        'sandbox CPU',
        'engine memory peaks',
      ],
      phases,
    ),
    '',
    'The floor client (sync-floor.ts) sends the same requests again with bare `http`, reads and `JSON.parse`s ' +
      'each answer and does nothing else, keeping only the order the data imposes (pages in turn, a page’s reads ' +
      'after it, writes after all reads). It is the least a Node client must do against this sandbox on this machine:',
    '',
    table(
      [
        'case',
        'critical path',
        'engine time',
        'ratio',
        'floor client time',
        'ratio',
        'floor client CPU',
        'sandbox CPU meanwhile',
        'engine / floor',
      ],
      floors,
    ),
    '',
    'Targets:',
    ...targets(results),
  ].join('\n');
}

function targets(results: Measured[]): string[] {
  const lines: string[] = [];
  for (const m of results) {
    const issued = sum(m.requests);
    const least = sum(m.minimum);
    const label = `${m.c.idp} ${int(m.c.users)}`;
    lines.push(
      `- ${label}: requests within 5% of the minimum: ${verdict(issued / least, 1.05, times)} ` +
        `(${int(issued)} issued, ${int(least)} needed)`,
      `- ${label}: engine time within 1.5× the critical path: ${verdict(m.driver.engineMs / m.criticalMs, 1.5, times)}`,
    );
  }
  for (const idp of ['azure', 'okta', 'google'] as Idp[]) {
    const small = results.find((m) => m.c.idp === idp && m.c.users === 10_000);
    const big = results.find((m) => m.c.idp === idp && m.c.users === 100_000);
    if (!big) continue;
    lines.push(`- ${idp} 100,000: peak RSS under 200 MiB: ${verdict(big.peakMiB, 200, mib)}`);
    if (small)
      lines.push(
        `- ${idp}: peak RSS growing less than 1.3× from 10,000 to 100,000 users: ` +
          verdict(big.peakMiB / small.peakMiB, 1.3, times),
      );
  }
  return lines;
}

/** Top self-time functions of each measured run's CPU profile, phase by phase. */
export function profileReport(dir: string, results: Measured[]): string {
  const out = [`\nCPU profiles of the measured runs: ${dir}`];
  for (const m of results) {
    if (!m.profile) continue;
    const profile = JSON.parse(readFileSync(m.profile, 'utf8')) as Parameters<typeof selfTimes>[0];
    const d = m.driver;
    const at = (msFromStart: number) => (d.clockStartUs - profile.startTime) / 1000 + msFromStart;
    const windows: [string, number, number][] = [
      ['plan (read IdP, evaluate, read target, diff)', at(0), at(d.planMs)],
      ['apply (writes + journal)', at(d.planMs), at(d.engineMs)],
    ];
    out.push('', `## ${name(m)} (${path.basename(m.profile)})`);
    for (const [phase, from, to] of windows) {
      const { total, rows } = selfTimes(profile, from, to);
      out.push('', `${phase}: ${ms(to - from)} wall, ${ms(total)} of samples`, '');
      out.push(
        table(
          ['self ms', '%', 'function', 'where'],
          rows.slice(0, 12).map((r) => [r.ms.toFixed(1), ((100 * r.ms) / total).toFixed(1), r.name, r.where]),
        ),
      );
    }
  }
  return out.join('\n');
}

import * as http from 'http';
import { performance } from 'perf_hooks';
import type { RecordedRequest } from './sync-recorder';

/**
 * The floor client of the sync benchmark: the least a Node client must do to sync, run in its own
 * process on the same flags as the engine. It sends the engine's recorded requests again (sync-recorder.ts)
 * with Node's bare `http` and a keep-alive agent, reads each answer to a string and `JSON.parse`s it,
 * and does nothing else: no mapping, no diff, no journal. It keeps only the order the data imposes:
 *
 * - token and other requests first, one after the other;
 * - the IdP pages one after the other, each asked for as soon as the previous answer is in (a real
 *   client needs that answer's next-page link; the floor does not even parse before asking);
 * - the target reads of a page's users once that page is in, `concurrency` at a time;
 * - the writes once every page and read is done (the diff needs them), `concurrency` at a time.
 *
 * Its time against the critical path is what the bound leaves for everything else: on a machine
 * where even the floor is near 1.5×, no engine that parses the same answers can meet it.
 *
 *   node sync-floor.js <origin> <concurrency>   (the recording as JSON on stdin)
 */

export interface FloorResult {
  wallMs: number;
  cpuMs: number;
  sent: number;
  failed: number;
  firstFailure?: string;
}

async function main(origin: string, concurrency: number): Promise<void> {
  const recorded = JSON.parse(await readStdin()) as RecordedRequest[];
  const of = (kind: string) => recorded.filter((r) => r.kind === kind);
  const first = recorded.filter((r) => r.kind === 'token' || r.kind === 'other' || r.kind === 'perUser');
  const pages = of('idpPages');
  const reads = of('targetReads');
  const writes = of('targetWrites');
  const client = new Client(origin);
  const cpu = process.cpuUsage();
  const start = performance.now();

  for (const r of first) await client.send(r);
  const readPool = new Pool(concurrency);
  // the reads in their recorded order, shared out over the pages in proportion
  const readsOf = (page: number) => reads.filter((_, j) => Math.floor((j * pages.length) / reads.length) === page);
  let parsing = Promise.resolve();
  for (let p = 0; p < pages.length; p++) {
    const body = await client.receive(pages[p]);
    const page = p;
    // parse while the next page is on its way (after a turn of the loop, so that its request is written
    // first); the page's reads go out once it is parsed
    parsing = parsing.then(afterATurn).then(() => {
      client.parse(body);
      for (const r of readsOf(page)) readPool.add(() => client.send(r));
    });
  }
  if (pages.length === 0) for (const r of reads) readPool.add(() => client.send(r));
  await parsing;
  await readPool.drained();
  const writePool = new Pool(concurrency);
  for (const r of writes) writePool.add(() => client.send(r));
  await writePool.drained();

  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const result: FloorResult = {
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    sent: client.sent,
    failed: client.failed,
    firstFailure: client.firstFailure,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

class Client {
  sent = 0;
  failed = 0;
  firstFailure?: string;
  private readonly agent = new http.Agent({ keepAlive: true });

  constructor(private readonly origin: string) {}

  async send(r: RecordedRequest): Promise<void> {
    this.parse(await this.receive(r));
  }

  parse(body: string): void {
    if (body) JSON.parse(body);
  }

  /** The answer's body as a string; a status other than 2xx counts as a failure. */
  receive(r: RecordedRequest): Promise<string> {
    this.sent++;
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL(r.url, this.origin),
        { method: r.method, headers: r.headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 0) >= 300) {
              this.failed++;
              this.firstFailure ??= `${r.method} ${r.url.split('?')[0]}: ${res.statusCode}`;
              resolve('');
            } else resolve(body);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(r.body || undefined);
    });
  }
}

/** Runs added tasks `limit` at a time. */
class Pool {
  private running = 0;
  private readonly queue: (() => Promise<void>)[] = [];
  private idle: (() => void)[] = [];
  private error: unknown;

  constructor(private readonly limit: number) {}

  add(task: () => Promise<void>): void {
    this.queue.push(task);
    this.next();
  }

  drained(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return this.settled();
    return new Promise<void>((resolve) => this.idle.push(resolve)).then(() => this.settled());
  }

  private settled(): Promise<void> {
    return this.error === undefined ? Promise.resolve() : Promise.reject(this.error);
  }

  private next(): void {
    while (this.running < this.limit && this.queue.length > 0) {
      const task = this.queue.shift()!;
      this.running++;
      task()
        .catch((e: unknown) => (this.error ??= e))
        .finally(() => {
          this.running--;
          this.next();
          if (this.running === 0 && this.queue.length === 0) for (const done of this.idle.splice(0)) done();
        });
    }
  }
}

const afterATurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

main(process.argv[2], Number(process.argv[3])).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`sync-floor: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

import { mix32, Random, seedHash } from './random';

/**
 * Injected faults: `--faults "429=0.05,500=0.02,503=0.02,reset=0.01,slow=0.02,slowms=2000"`.
 * Each rate is a per-request probability. The decision is made when a request arrives, before its
 * handler runs, so a faulted write is never half-applied. Every vendor has its own random stream
 * seeded from the sandbox seed: the same seed and the same request order give the same faults.
 */

export const FAULT_KINDS = ['429', '500', '503', 'reset', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  rates: Partial<Record<FaultKind, number>>;
  /** Extra delay of a `slow` response, in milliseconds (default 2000). */
  slowMs: number;
}

export const NO_FAULTS: FaultSpec = { rates: {}, slowMs: 2000 };

/** Parses a fault spec; throws an Error with a one-line message when it is malformed. */
export function parseFaults(spec: string): FaultSpec {
  const out: FaultSpec = { rates: {}, slowMs: 2000 };
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z0-9]+)\s*=\s*([0-9.]+)$/i.exec(part);
    if (!m || !Number.isFinite(Number(m[2]))) throw new Error(`bad fault "${part}": expected kind=rate, e.g. 429=0.05`);
    const [, key, raw] = m;
    const value = Number(raw);
    if (key.toLowerCase() === 'slowms') {
      out.slowMs = value;
      continue;
    }
    if (!(FAULT_KINDS as readonly string[]).includes(key)) {
      throw new Error(`unknown fault "${key}": use ${FAULT_KINDS.join(', ')} or slowms`);
    }
    if (value > 1) throw new Error(`fault rate for ${key} must be between 0 and 1`);
    out.rates[key as FaultKind] = value;
  }
  const total = Object.values(out.rates).reduce((a, b) => a + (b ?? 0), 0);
  if (total > 1) throw new Error('fault rates add up to more than 1');
  return out;
}

export class FaultInjector {
  private readonly streams = new Map<string, Random>();
  readonly counts: Record<FaultKind, number> = { '429': 0, '500': 0, '503': 0, reset: 0, slow: 0 };

  constructor(
    private spec: FaultSpec,
    private readonly seed: number,
  ) {}

  get slowMs(): number {
    return this.spec.slowMs;
  }

  /** Replaces the rates (for tests and long-running sandboxes); streams continue. */
  configure(spec: FaultSpec): void {
    this.spec = spec;
  }

  /** The fault for the next request to `vendor`, if any. Draws exactly one number per call. */
  decide(vendor: string): FaultKind | undefined {
    let stream = this.streams.get(vendor);
    if (!stream) {
      stream = new Random(mix32(this.seed ^ seedHash(vendor)));
      this.streams.set(vendor, stream);
    }
    let roll = stream.next();
    for (const kind of FAULT_KINDS) {
      const rate = this.spec.rates[kind] ?? 0;
      if (roll < rate) {
        this.counts[kind]++;
        return kind;
      }
      roll -= rate;
    }
    return undefined;
  }
}

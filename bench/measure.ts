import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** How many times a figure is taken: the first `warmup` runs are thrown away. */
export interface Repetitions {
  warmup: number;
  runs: number;
}

/** Times `fn` `warmup + runs` times, one call per sample; returns the measured durations in ms. */
export async function sample(reps: Repetitions, fn: (i: number) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < reps.warmup + reps.runs; i += 1) {
    const started = performance.now();
    await fn(i);
    const took = performance.now() - started;
    if (i >= reps.warmup) times.push(took);
  }
  return times;
}

/** The p-th percentile by nearest rank (p99 of 1000 samples is the 990th smallest). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds to two decimals in the output: finer than that is noise on any machine. */
export function ms(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The median and the 99th percentile of a figure, in ms to two decimals. */
export interface Spread {
  p50_ms: number;
  p99_ms: number;
}

export function spread(samples: readonly number[]): Spread {
  return { p50_ms: ms(percentile(samples, 50)), p99_ms: ms(percentile(samples, 99)) };
}

export function ratio(value: number, baseline: number): number {
  return Math.round((value / baseline) * 100) / 100;
}

/**
 * Peak resident memory of this process. On Linux the kernel's high-water mark (VmHWM) can be
 * reset (clear_refs), so each phase reports its own peak; elsewhere it is the process's peak
 * so far, which is why every benchmark runs in a process of its own.
 */
export const peakMemory = {
  reset(): void {
    try {
      writeFileSync('/proc/self/clear_refs', '5');
    } catch {
      // Not Linux, or not allowed: the peak since the process started is still a true peak.
    }
  },
  mb(): number {
    const kb = highWaterKb() ?? process.resourceUsage().maxRSS;
    return Math.round(kb / 1024);
  },
};

function highWaterKb(): number | undefined {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const found = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return found ? Number(found[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `fn` with the peak reset before it; returns its value and the peak RSS during it. */
export async function withPeak<T>(fn: () => Promise<T> | T): Promise<{ value: T; peakMb: number }> {
  peakMemory.reset();
  const value = await fn();
  return { value, peakMb: peakMemory.mb() };
}

/** Progress for the operator, on stderr so that `--json` keeps stdout to the one object. */
export function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

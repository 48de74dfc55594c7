import { checkinSearchBench } from './checkin-search';
import { coldStartBench } from './cold-start';
import { commitBench } from './commit';
import { keystrokeBench } from './keystroke';
import { packageBench } from './package';
import { scanBench } from './scan';
import { storeBench } from './store';
import { tallyBench } from './tally';

export interface SuiteOptions {
  /** Fewer repetitions: a first look, not figures to publish. */
  quick: boolean;
}

/** One benchmark run in a process of its own; it may report more than one figure (export, verify). */
export interface Suite {
  /** The top-level keys of the report it fills. */
  keys: readonly string[];
  /** Only with --scale: minutes, not seconds. */
  scale: boolean;
  run(options: SuiteOptions): Promise<Record<string, object>>;
}

export const suites: Readonly<Record<string, Suite>> = {
  commit: {
    keys: ['commit'],
    scale: false,
    run: async ({ quick }) => ({ commit: await commitBench(quick) }),
  },
  tally_1m: {
    keys: ['tally_1m'],
    scale: false,
    run: async ({ quick }) => ({ tally_1m: await tallyBench(quick) }),
  },
  checkin_search: {
    keys: ['checkin_search'],
    scale: false,
    run: async ({ quick }) => ({ checkin_search: await checkinSearchBench(quick) }),
  },
  export_100k: {
    keys: ['export_100k', 'verify_100k'],
    scale: false,
    run: async ({ quick }) => {
      const figures = await packageBench(100_000, { warmup: 1, runs: quick ? 2 : 3 });
      return { export_100k: figures.export, verify_100k: figures.verify };
    },
  },
  renderer_cold_start: {
    keys: ['renderer_cold_start'],
    scale: false,
    run: async ({ quick }) => ({ renderer_cold_start: await coldStartBench(quick) }),
  },
  keystroke_repaint: {
    keys: ['keystroke_repaint'],
    scale: false,
    run: async ({ quick }) => ({ keystroke_repaint: await keystrokeBench(quick) }),
  },
  scan: {
    keys: ['scan'],
    scale: false,
    run: async ({ quick }) => ({ scan: await scanBench(quick) }),
  },
  store_1m: {
    keys: ['store_1m'],
    scale: true,
    run: async ({ quick }) => ({ store_1m: await storeBench(quick) }),
  },
  export_1m: {
    keys: ['export_1m', 'verify_1m'],
    scale: true,
    run: async ({ quick }) => {
      const figures = await packageBench(1_000_000, { warmup: 0, runs: quick ? 1 : 3 });
      return { export_1m: figures.export, verify_1m: figures.verify };
    },
  },
};

/** The suite that fills a key: `--only verify_100k` runs the export suite. */
export function suiteOf(key: string): string | undefined {
  return Object.entries(suites).find(([, suite]) => suite.keys.includes(key))?.[0];
}

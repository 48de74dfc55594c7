import { enterParts } from './keystroke';
import type { Machine } from './machine';

/** The report as `bench --json` prints it: figures by key, the machine, and the targets met. */
export type Report = Record<string, unknown> & { machine: Machine };

/** A target of SPEC.md's performance table, checked against the figure at `path`. */
interface Target {
  figure: string;
  path: string;
  target: string;
  baseline?: string;
  ratio?: string;
  /** Where the peak column's figure is, if not `<key>.peak_mb`. */
  peak?: string;
  /** Absent for a figure shown beside the targets without one of its own. */
  met?: (value: number, report: Report) => boolean;
}

const targets: readonly Target[] = [
  {
    figure: 'commit one ballot, p99',
    path: 'commit.p99_ms',
    target: '< 5 ms, ratio ≤ 1.5',
    baseline: 'commit.baseline_p99_ms',
    ratio: 'commit.ratio',
    met: (v, r) => v < 5 && (numberAt(r, 'commit.ratio') ?? Infinity) <= 1.5,
  },
  {
    figure: 'tally 1M ballots × 10, median',
    path: 'tally_1m.median_ms',
    target: '< 1000 ms, faster than SQL',
    baseline: 'tally_1m.baseline_median_ms',
    ratio: 'tally_1m.ratio',
    met: (v, r) => v < 1000 && (numberAt(r, 'tally_1m.ratio') ?? Infinity) < 1,
  },
  {
    figure: 'check-in search over 1,000, p99',
    path: 'checkin_search.p99_ms',
    target: '< 16 ms',
    met: (v) => v < 16,
  },
  {
    figure: 'export + sign 100k ballots, median',
    path: 'export_100k.median_ms',
    target: '< 1000 ms',
    met: (v) => v < 1000,
  },
  {
    figure: 'verify 100k ballots, median',
    path: 'verify_100k.median_ms',
    target: '< 2000 ms',
    met: (v) => v < 2000,
  },
  {
    figure: 'renderer cold start, median',
    path: 'renderer_cold_start.median_ms',
    target: '< 500 ms',
    met: (v) => v < 500,
  },
  {
    figure: 'keystroke to repaint at 300 ballots, p99',
    path: 'keystroke_repaint.p99_ms',
    target: '< 16 ms',
    met: (v) => v < 16,
  },
  {
    figure: 'read one scanned 200-dpi A4 ballot page, one core',
    path: 'scan.ballots_per_s',
    target: '≥ 10 / s',
    met: (v) => v >= 10,
  },
  {
    figure: 'decode one grey JPEG page (200 dpi A4), median',
    path: 'scan.decode_ms',
    target: '— (no target)',
    peak: 'scan.decode_peak_mb',
  },
];

export function valueAt(report: Report, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
      report,
    );
}

function numberAt(report: Report, path: string): number | undefined {
  const value = valueAt(report, path);
  return typeof value === 'number' ? value : undefined;
}

export interface TargetCheck {
  target: string;
  measured: number | null;
  met: boolean | null;
}

/** Each target with its figure; `met` is null where the figure is missing (not run, or no Chromium). */
export function checkTargets(report: Report): Record<string, TargetCheck> {
  const checks: Record<string, TargetCheck> = {};
  for (const t of targets) {
    if (t.met === undefined) continue;
    if (valueAt(report, t.path.split('.')[0] ?? '') === undefined) continue;
    const measured = numberAt(report, t.path) ?? null;
    checks[t.path] = {
      target: t.target,
      measured,
      met: measured === null ? null : t.met(measured, report),
    };
  }
  return checks;
}

/** The figures as a Markdown table, for the terminal and for the README. */
export function markdownTable(report: Report): string {
  const cell = (path: string | undefined) => {
    if (path === undefined) return '—';
    const value = numberAt(report, path);
    if (value === undefined) return '—';
    if (path.endsWith('ratio')) return `${value}×`;
    return path.endsWith('_per_s') ? `${value} / s` : `${value} ms`;
  };
  const rows = targets
    .filter((t) => valueAt(report, t.path.split('.')[0] ?? '') !== undefined)
    .map((t) => {
      const measured = numberAt(report, t.path);
      const why = reasonAt(report, t.path);
      const met = measured === undefined ? (why ?? 'not measured') : metCell(t, measured, report);
      const peak = numberAt(report, t.peak ?? `${t.path.split('.')[0] ?? ''}.peak_mb`);
      return `| ${t.figure} | ${t.target} | ${cell(t.path)} | ${cell(t.baseline)} | ${cell(t.ratio)} | ${met} | ${peak ?? '—'} |`;
    });
  const m = report.machine;
  return [
    '| figure | target | measured | baseline | ratio | met? | peak MB |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `${m.date.slice(0, 10)} · ${m.cpus} × ${m.model}, ${m.memory_gb} GB, ${m.os}, Node ${m.node}, ` +
      `load ${m.load_1m} at the start, temporary files on ${m.temp_filesystem ?? 'unknown'}`,
  ].join('\n');
}

/** The lines for figures outside the targets table (scale, splits), one per figure. */
export function extraLines(report: Report): string[] {
  const lines: string[] = [];
  const add = (label: string, path: string, unit: string) => {
    const value = numberAt(report, path);
    if (value !== undefined) lines.push(`${label}: ${value} ${unit}`);
  };
  add('commit p50', 'commit.p50_ms', 'ms');
  add('commit: request validation, p99 (no fsync)', 'commit.parts.validation.p99_ms', 'ms');
  add('commit: state checks, p99 (no fsync)', 'commit.parts.checks.p99_ms', 'ms');
  add('commit: ballot rows, p99 (no fsync)', 'commit.parts.ballot_rows.p99_ms', 'ms');
  add('commit: audit row with its hashing, p99 (no fsync)', 'commit.parts.audit_row.p99_ms', 'ms');
  add('check-in search p50', 'checkin_search.p50_ms', 'ms');
  add(
    'check-in search, first after a check-in, p99',
    'checkin_search.first_after_checkin_p99_ms',
    'ms',
  );
  add('export 100k: reports printed at export', 'export_100k.printed_at_export', 'reports');
  add('export 100k printing the reports again, median', 'export_100k.reprint_median_ms', 'ms');
  add('package of 100k ballots', 'export_100k.package_mb', 'MB');
  add('verify 100k: peak RSS', 'verify_100k.peak_mb', 'MB');
  add('cold start: the first screen’s scripts', 'renderer_cold_start.script_kb', 'KiB');
  add(
    'cold start: scripts run (DOMContentLoaded), median',
    'renderer_cold_start.dom_content_loaded_median_ms',
    'ms',
  );
  add(
    'keystroke: the app’s own work (keydown → render done), p99',
    'keystroke_repaint.work_p99_ms',
    'ms',
  );
  add('keystroke: mark keys only, p99', 'keystroke_repaint.marks_p99_ms', 'ms');
  add('keystroke: Enter (saves the ballot), p99', 'keystroke_repaint.enter_p99_ms', 'ms');
  for (const part of enterParts) {
    add(`keystroke: Enter, ${part}, p99`, `keystroke_repaint.enter_parts.${part}.p99_ms`, 'ms');
  }
  add('scan: read one page, p50', 'scan.read_p50_ms', 'ms');
  add('scan: read one page, p99', 'scan.read_p99_ms', 'ms');
  add('store 1M: insert', 'store_1m.insert_s', 's');
  add('store 1M: counted-ballots query and tally, median', 'store_1m.count_median_ms', 'ms');
  add('store 1M: file', 'store_1m.file_mb', 'MB');
  add('export 1M, median', 'export_1m.median_ms', 'ms');
  add('export 1M printing the reports again, median', 'export_1m.reprint_median_ms', 'ms');
  add('verify 1M, median', 'verify_1m.median_ms', 'ms');
  for (const [key, value] of Object.entries(report)) {
    const error =
      value !== null && typeof value === 'object'
        ? (value as { error?: unknown }).error
        : undefined;
    if (typeof error === 'string') lines.push(`${key}: failed — ${error}`);
  }
  return lines;
}

function metCell(t: Target, measured: number, report: Report): string {
  if (t.met === undefined) return '—';
  return t.met(measured, report) ? 'yes' : 'no';
}

function reasonAt(report: Report, path: string): string | undefined {
  const key = path.split('.')[0] ?? '';
  const reason = valueAt(report, `${key}.reason`) ?? valueAt(report, `${key}.error`);
  return typeof reason === 'string' ? reason : undefined;
}

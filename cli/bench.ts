import { spawnSync } from 'node:child_process';
import { machine } from '../bench/machine';
import { progress } from '../bench/measure';
import { checkTargets, extraLines, markdownTable, type Report } from '../bench/report';
import { suiteOf, suites } from '../bench/suites';
import { oneLine, readArgs } from './args';
import type { CliIo } from './io';

const usage =
  '用法：congress-tally bench [--json] [--quick] [--scale] [--only <名称,…>]（名称：' +
  `${Object.values(suites)
    .flatMap((s) => s.keys)
    .join('、')}）`;

/**
 * `bench`: the performance figures of SPEC.md, each in a process of its own (so that its peak
 * memory is its own and one benchmark's garbage does not slow the next). A Markdown table by
 * default; `--json` prints one JSON object on stdout and everything else on stderr. `--scale`
 * adds the million-ballot store and package. Exit 0 when every benchmark ran (met or not), 1 when
 * one failed, 2 for bad input.
 */
export async function bench(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, {
    options: ['--only', '--child'],
    flags: ['--json', '--quick', '--scale'],
  });
  if (!parsed.ok) return bad(io, parsed.message);
  const { args } = parsed;
  if (args.positionals.length > 0) return bad(io, `多余的参数：${args.positionals.join(' ')}`);
  const quick = args.flags.has('--quick');
  const child = args.options.get('--child');
  if (child !== undefined) return runChild(child, quick, io);

  const chosen = chooseSuites(args.options.get('--only'), args.flags.has('--scale'));
  if ('error' in chosen) return bad(io, chosen.error);
  const report: Report = { machine: machine(new Date()) };
  report.options = { quick, scale: args.flags.has('--scale'), suites: chosen.names };
  let failed = false;
  for (const name of chosen.names) {
    process.stderr.write(`bench: ${name}\n`);
    const figures = runInChild(name, quick);
    if ('error' in figures) {
      failed = true;
      for (const key of suites[name]?.keys ?? []) report[key] = { error: figures.error };
    } else {
      Object.assign(report, figures);
    }
  }
  report.targets = checkTargets(report);
  if (args.flags.has('--json')) {
    io.stdout(JSON.stringify(report, null, 2));
  } else {
    io.stdout(markdownTable(report));
    const extra = extraLines(report);
    if (extra.length > 0) io.stdout(['', ...extra].join('\n'));
  }
  return failed ? 1 : 0;
}

function chooseSuites(
  only: string | undefined,
  scale: boolean,
): { names: string[] } | { error: string } {
  if (only === undefined) {
    return { names: Object.keys(suites).filter((name) => scale || !suites[name]?.scale) };
  }
  const names: string[] = [];
  for (const key of only
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')) {
    const name = suiteOf(key);
    if (name === undefined) return { error: `没有名为 ${key} 的测量项` };
    if (!names.includes(name)) names.push(name);
  }
  return names.length > 0 ? { names } : { error: '参数 --only 没有给出测量项' };
}

/** Runs one suite in a fresh Node process of this command line; its figures, or why not. */
function runInChild(name: string, quick: boolean): Record<string, object> | { error: string } {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] ?? '',
      'bench',
      '--child',
      name,
      ...(quick ? ['--quick'] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 },
  );
  progress(`${name}: ${Math.round((Date.now() - started) / 1000)} s`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0) {
    return {
      error: `测量进程异常退出（${run.status ?? run.signal ?? '?'}）${last ? `：${last}` : ''}`,
    };
  }
  try {
    return JSON.parse(last) as Record<string, object>;
  } catch {
    return { error: `测量进程没有给出结果：${last}` };
  }
}

async function runChild(name: string, quick: boolean, io: CliIo): Promise<number> {
  const suite = suites[name];
  if (!suite) return bad(io, `没有名为 ${name} 的测量项`);
  try {
    io.stdout(JSON.stringify(await suite.run({ quick })));
    return 0;
  } catch (error) {
    // The parent reports it under the suite's keys; the stack goes to the terminal.
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    io.stdout((error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' '));
    return 1;
  }
}

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

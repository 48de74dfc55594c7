import { processIo, type CliIo } from './cli/io';
import { tally } from './cli/tally';

interface Command {
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const commands: Readonly<Record<string, Command>> = {
  tally: { usage: 'tally <scenario.json>    计算一轮选举的结果', run: tally },
  serve: {
    usage: 'serve [--db <文件>] [--port <端口>]    启动本机预览服务（127.0.0.1），打印其地址',
    // Loaded on demand: it brings in the store and the HTTP host.
    run: async (argv, io) => (await import('./cli/serve')).serve(argv, io),
  },
  'import-roster': {
    usage:
      'import-roster --db <文件> [--congress <编号>] <名册.csv|xlsx> [--accept]    检查名册并报告问题行；加 --accept 才导入',
    run: async (argv, io) => (await import('./cli/import-roster')).importRoster(argv, io),
  },
  report: {
    usage:
      'report <ballot|sign-in|cards> --db <文件> [--election <编号>] --out <文件.pdf>    打印选票、签到表或代表证',
    run: async (argv, io) => (await import('./cli/report')).report(argv, io),
  },
};

/** The command line. Exit codes: 0 success, 1 a negative verdict, 2 bad input. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(
      ['用法：', ...Object.values(commands).map((c) => `  congress-tally ${c.usage}`)].join('\n'),
    );
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    const known = `可用命令：${Object.keys(commands).join('、')}（congress-tally help 查看用法）`;
    io.stderr(name === undefined ? `缺少命令。${known}` : `未知命令：${name}。${known}`);
    return 2;
  }
  return command.run(rest, io);
}

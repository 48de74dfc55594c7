import { processIo, type CliIo } from './io';
import { tally } from './tally';

interface Command {
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const commands: Readonly<Record<string, Command>> = {
  tally: { usage: 'tally <scenario.json>    计算一轮选举的结果', run: tally },
  serve: {
    usage: 'serve [--db <文件>] [--port <端口>]    启动本机预览服务（127.0.0.1），打印其地址',
    // Loaded on demand: it brings in the store and the HTTP host.
    run: async (argv, io) => (await import('./serve')).serve(argv, io),
  },
  'import-roster': {
    usage:
      'import-roster --db <文件> [--congress <编号>] <名册.csv|xlsx> [--accept]    检查名册并报告问题行；加 --accept 才导入',
    run: async (argv, io) => (await import('./import-roster')).importRoster(argv, io),
  },
  demo: {
    usage:
      'demo --db <新数据库文件>    生成一次完整的乡镇党代会演示数据（报到、发票、录入、计票、签核）',
    run: async (argv, io) => (await import('./demo')).demo(argv, io),
  },
  export: {
    usage:
      'export --db <文件> [--congress <编号>] --out <结果包.zip|文件夹>    导出带签名的结果包（只含已签核的轮次）',
    run: async (argv, io) => (await import('./export')).exportCommand(argv, io),
  },
  verify: {
    usage:
      'verify <结果包.zip> [--db <文件>] [--keyring <密钥登记文件>] [--key <公钥文件>]    核验结果包并按密钥登记查找签名者；退出码 0 通过，1 签名者未登记或未通过，2 输入有误（verify --help 查看 JSON 格式）',
    run: async (argv, io) => (await import('./verify')).verify(argv, io),
  },
  'public-key': {
    usage: 'public-key --db <文件> --out <公钥文件.json>    导出本机的签名公钥，供上级登记',
    run: async (argv, io) => (await import('./export')).publicKeyCommand(argv, io),
  },
  backup: {
    usage: 'backup --db <文件> --out <文件夹>    立即备份数据库',
    run: async (argv, io) => (await import('./backup')).backupCommand(argv, io),
  },
  restore: {
    usage:
      'restore --db <文件> --backup <备份.sqlite> [--passphrase-stdin]    校验备份后恢复（原数据库另行保留）；恢复签名密钥所需的备份口令从标准输入（--passphrase-stdin）或环境变量 CONGRESS_TALLY_BACKUP_PASSPHRASE 读取，绝不写在命令行参数里',
    run: async (argv, io) => (await import('./backup')).restoreCommand(argv, io),
  },
  report: {
    usage:
      'report <ballot|sign-in|cards|issuance|result-sheet|elected-list|summary> --db <文件> [--election <编号>] --out <文件.pdf>    打印选票、签到表、代表证、分发/收回选票情况报告单、计票结果报告单、当选名单或选举结果汇总',
    run: async (argv, io) => (await import('./report')).report(argv, io),
  },
  'read-ballots': {
    usage:
      'read-ballots --db <文件> --election <编号> [--json] <图像或文件夹>… | --layout    识别扫描的选票并逐页列出结果，或打印本轮选票的版式（不写入任何内容）',
    run: async (argv, io) => (await import('./read-ballots')).readBallotsCommand(argv, io),
  },
  bench: {
    usage:
      'bench [--json] [--quick] [--scale] [--only <名称,…>]    测量性能（录入、计票、报到查找、导出与核验、界面、扫描识别），与目标和基线对照',
    run: async (argv, io) => (await import('./bench')).bench(argv, io),
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

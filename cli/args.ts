/** A command's arguments: `--name value` options, `--flag` switches, and the rest in order. */
export interface Args {
  options: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/**
 * Reads argv against the options and switches a command knows; anything else is an error in
 * one line, as the command line reports bad input.
 */
export function readArgs(
  argv: readonly string[],
  known: { options: readonly string[]; flags: readonly string[] },
): { ok: true; args: Args } | { ok: false; message: string } {
  const args: Args = { options: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      args.positionals.push(arg);
    } else if (known.flags.includes(arg)) {
      args.flags.add(arg);
    } else if (known.options.includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        return { ok: false, message: `参数 ${arg} 缺少取值` };
      }
      args.options.set(arg, value);
      i += 1;
    } else {
      return { ok: false, message: `无法识别的参数：${arg}` };
    }
  }
  return { ok: true, args };
}

/** A positive integer option (an id), or why not. */
export function idOption(args: Args, name: string): number | null | { error: string } {
  const text = args.options.get(name);
  if (text === undefined) return null;
  return /^[1-9][0-9]{0,9}$/.test(text)
    ? Number(text)
    : { error: `参数 ${name} 应为编号（正整数）：${text}` };
}

/** Who the audit log records for changes made from the command line. */
export const commandLine = { name: '命令行', role: 'command-line' } as const;

/** A message and the usage on one line, as a bad-input exit prints them. */
export function oneLine(message: string, usage: string): string {
  return `${message.replace(/\s*\n\s*/g, ' ').replace(/[。；，\s]+$/, '')}。${usage}`;
}

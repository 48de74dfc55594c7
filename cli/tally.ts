import { readFile } from 'node:fs/promises';
import { parseRound, tallyRound, type RoundResult } from '../shared/tally';
import type { CliIo } from './io';

const usage = '用法：congress-tally tally <scenario.json>';

/**
 * `tally <scenario.json>`: the engine on one round. Prints the result as one JSON object and
 * exits 0; bad input exits 2 with one line naming the field, and nothing on stdout.
 */
export async function tally(argv: readonly string[], io: CliIo): Promise<number> {
  const [file, ...extra] = argv;
  if (file === undefined || extra.length > 0) {
    io.stderr(
      file === undefined
        ? `缺少参数 <scenario.json>。${usage}`
        : `多余的参数 ${extra.join(' ')}。${usage}`,
    );
    return 2;
  }
  const outcome = await tallyFile(file);
  if (!outcome.ok) {
    io.stderr(outcome.message);
    return 2;
  }
  io.stdout(JSON.stringify(outcome.result, null, 2));
  return 0;
}

type FileOutcome = { ok: true; result: RoundResult } | { ok: false; message: string };

export async function tallyFile(file: string): Promise<FileOutcome> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: ${readProblem(error)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${file}: 不是有效的 JSON（${oneLine(detail)}）` };
  }
  const parsed = parseRound(data);
  if (!parsed.ok) return { ok: false, message: oneLine(parsed.error.message) };
  return { ok: true, result: tallyRound(parsed.value) };
}

function readProblem(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '是目录，不是文件';
  if (code === 'EACCES') return '没有读取权限';
  return `无法读取（${oneLine(error instanceof Error ? error.message : String(error))}）`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

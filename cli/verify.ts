import { readFile } from 'node:fs/promises';
import { readPublicKey, type PublicKey } from '../core/platform/keys';
import { verifyPackage } from '../core/export/package/verify';
import { oneLine, readArgs } from './args';
import type { CliIo } from './io';

const usage = '用法：congress-tally verify <结果包.zip> [--key <已登记的公钥文件>]';

/**
 * `verify <package> [--key <file>]`: the county office's check of a results package. Exit 0 with
 * the package's summary as one JSON object on stdout; 1 with the first failure (one line in
 * Chinese on stderr, {ok: false, file, reason} on stdout); 2 for input that cannot be read.
 */
export async function verify(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--key'], flags: [] });
  if (!parsed.ok) return bad(io, parsed.message);
  const [path, ...extra] = parsed.args.positionals;
  if (path === undefined) return bad(io, '缺少结果包文件');
  if (extra.length > 0) return bad(io, `多余的参数：${extra.join(' ')}`);
  const keyPath = parsed.args.options.get('--key');
  let registered: PublicKey | undefined;
  if (keyPath !== undefined) {
    const text = await readText(keyPath);
    if (text === undefined) return bad(io, `无法读取公钥文件：${keyPath}`);
    const key = readPublicKey(text);
    if (!key.ok) return bad(io, `${keyPath}：${key.error.message}`);
    registered = key.value;
  }
  const bytes = await readFile(path).catch(() => undefined);
  if (bytes === undefined)
    return bad(io, `无法读取结果包文件：${path}（文件不存在或没有读取权限）`);
  const checked = verifyPackage(bytes, registered);
  if (!checked.ok) return bad(io, `${path}：${checked.error.message}`);
  const verdict = checked.value;
  if (!verdict.ok) {
    io.stderr(`核验未通过：${verdict.file}：${verdict.reason}`);
    io.stdout(JSON.stringify({ ok: false, file: verdict.file, reason: verdict.reason }));
    return 1;
  }
  for (const warning of verdict.warnings) io.stderr(`注意：${warning}`);
  io.stdout(JSON.stringify({ ok: true, ...verdict.summary, warnings: verdict.warnings }, null, 2));
  return 0;
}

function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { KeyringEntry } from '../db/keyring';
import { StoreError } from '../db/errors';
import { openStore } from '../db/store';
import { readPublicKey, type PublicKey } from '../core/platform/keys';
import { readKeyringFile } from '../core/export/keyring/file';
import { verdictOf } from '../core/export/keyring/verdict';
import { verifyPackage } from '../core/export/package/verify';
import { verdictLabels } from '../shared/strings/verdicts';
import { oneLine, readArgs } from './args';
import type { CliIo } from './io';

const usage =
  '用法：congress-tally verify <结果包.zip> [--db <数据库文件>] [--keyring <密钥登记文件>] [--key <公钥文件>]';

export const verifyHelp = `${usage}

核验结果包：签名、每个文件的摘要、审计日志的哈希链，并按结果包中的选票重新计票。
签名者在密钥登记中查找：--db 给出本机数据库（其中的密钥登记），--keyring 给出导出的密钥登记文件；
--key 给出一个公钥文件，只为这一次核验作证。

退出码：
  0  通过：结果包完好，签名密钥已为结果包所写的主办单位登记（或与 --key 相符）
  1  签名者未登记：结果包完好，但没有登记的密钥为它作证（未登记、登记给其他单位、更换了密钥、已撤销）
  1  未通过：结果包有问题（标准错误输出一行：文件与原因）
  2  输入有误：文件不存在、不是结果包、参数错误

标准输出为一个 JSON 对象：
  {"ok": true,  "verdict": "pass", "standing": {...}, "congress": {...}, "signer": {...}, "elections": [...], ...}
  {"ok": false, "verdict": "unregistered", "reason": "…", "standing": {"kind": "unknown" | "changed" | "other-organiser" | "withdrawn", ...}, "congress": {...}, ...}
  {"ok": false, "verdict": "fail", "file": "results.json", "reason": "…"}`;

/** `verify <package> [--db <file>] [--keyring <file>] [--key <file>]`: the county's check. */
export async function verify(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout(verifyHelp);
    return 0;
  }
  const parsed = readArgs(argv, { options: ['--key', '--db', '--keyring'], flags: [] });
  if (!parsed.ok) return bad(io, parsed.message);
  const [path, ...extra] = parsed.args.positionals;
  if (path === undefined) return bad(io, '缺少结果包文件');
  if (extra.length > 0) return bad(io, `多余的参数：${extra.join(' ')}`);
  const { options } = parsed.args;
  let keyFile: PublicKey | undefined;
  const keyPath = options.get('--key');
  if (keyPath !== undefined) {
    const text = await readText(keyPath);
    if (text === undefined) return bad(io, `无法读取公钥文件：${keyPath}`);
    const key = readPublicKey(text);
    if (!key.ok) return bad(io, `${keyPath}：${key.error.message}`);
    keyFile = key.value;
  }
  const keyring = await keyringOf(options.get('--db'), options.get('--keyring'));
  if (typeof keyring === 'string') return bad(io, keyring);
  const bytes = await readFile(path).catch(() => undefined);
  if (bytes === undefined)
    return bad(io, `无法读取结果包文件：${path}（文件不存在或没有读取权限）`);
  const checked = verifyPackage(bytes, keyFile);
  if (!checked.ok) return bad(io, `${path}：${checked.error.message}`);
  const verdict = verdictOf(checked.value, keyring, keyFile);
  if (verdict.verdict === 'fail') {
    io.stderr(`核验未通过：${verdict.file}：${verdict.reason}`);
    io.stdout(
      JSON.stringify({ ok: false, verdict: 'fail', file: verdict.file, reason: verdict.reason }),
    );
    return 1;
  }
  const { summary, signer } = verdict;
  if (verdict.verdict === 'unregistered') {
    io.stderr(`${verdictLabels.unregistered}：${verdict.reason}`);
    const out = { ok: false, verdict: 'unregistered', reason: verdict.reason, standing: signer };
    io.stdout(JSON.stringify({ ...out, ...summary }, null, 2));
    return 1;
  }
  io.stdout(JSON.stringify({ ok: true, verdict: 'pass', standing: signer, ...summary }, null, 2));
  return 0;
}

/** The keyring entries of the database and of the keyring file, or why they cannot be read. */
async function keyringOf(
  db: string | undefined,
  file: string | undefined,
): Promise<KeyringEntry[] | string> {
  const entries: KeyringEntry[] = [];
  if (db !== undefined) {
    if (!existsSync(db)) return `数据库文件不存在：${db}`;
    try {
      const store = openStore(db, { readonly: true });
      try {
        entries.push(...store.keyring.all());
      } finally {
        store.close();
      }
    } catch (error) {
      if (error instanceof StoreError) return error.message;
      throw error;
    }
  }
  if (file !== undefined) {
    const text = await readText(file);
    if (text === undefined) return `无法读取密钥登记文件：${file}`;
    const read = readKeyringFile(text);
    if (!read.ok) return `${file}：${read.error.message}`;
    entries.push(...read.value.map((entry, i) => ({ ...entry, id: -(i + 1) })));
  }
  return entries;
}

function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

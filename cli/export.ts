import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { StoreError } from '../db/errors';
import { openStore, type Store } from '../db/store';
import { currentCongress } from '../core/platform/congress-rules';
import { currentKey, exportPackage, type ExportDeps } from '../core/export/package/handlers';
import { publicKeyFile } from '../core/platform/keys';
import { appVersion } from '../core/platform/open';
import { openChromiumPrinter } from '../core/reports/pdf';
import type { PdfPrinter } from '../core/reports/printer';
import { commandLine, idOption, oneLine, readArgs } from './args';
import type { CliIo } from './io';

const exportUsage =
  '用法：congress-tally export --db <数据库文件> [--congress <编号>] --out <结果包.zip 或文件夹>';
const keyUsage = '用法：congress-tally public-key --db <数据库文件> --out <公钥文件.json>';

/**
 * `export --db <file> [--congress <id>] --out <package.zip | folder>`: the signed results package
 * of the congress (the current one unless --congress), as in the app. Exit 0 with the package's
 * file, digest and fingerprint as JSON; 2 for bad input, nothing written.
 */
export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db', '--congress', '--out'], flags: [] });
  if (!parsed.ok) return bad(io, parsed.message, exportUsage);
  const { args } = parsed;
  if (args.positionals.length > 0) {
    return bad(io, `多余的参数：${args.positionals.join(' ')}`, exportUsage);
  }
  const out = args.options.get('--out');
  if (out === undefined) return bad(io, '缺少参数 --out <结果包.zip 或文件夹>', exportUsage);
  const congressId = idOption(args, '--congress');
  if (congressId !== null && typeof congressId === 'object') {
    return bad(io, congressId.error, exportUsage);
  }
  return withStore(io, args.options.get('--db'), exportUsage, async (store) => {
    const congress =
      congressId === null ? currentCongress(store) : store.congresses.byId(congressId);
    if (!congress) return bad(io, '数据库中没有这个大会', exportUsage);
    const target = resolve(out);
    const intoFolder = existsSync(target) && statSync(target).isDirectory();
    // Started only for a report not kept from certification: usually none is.
    let printer: Promise<PdfPrinter> | undefined;
    try {
      const deps: ExportDeps = {
        store,
        now: () => new Date(),
        printPdf: async (report) => (await (printer ??= openChromiumPrinter())).print(report),
        version: appVersion,
      };
      const exported = await exportPackage(deps, commandLine, {
        congressId: congress.id,
        folder: intoFolder ? target : dirname(target),
        ...(intoFolder ? {} : { fileName: basename(target) }),
      });
      if (!exported.ok) return bad(io, exported.error.message, exportUsage);
      io.stdout(JSON.stringify(exported.value, null, 2));
      return 0;
    } finally {
      await printer?.then(
        (started) => started.close(),
        () => undefined,
      );
    }
  });
}

/** `public-key --db <file> --out <file.json>`: the key file the county office registers. */
export async function publicKeyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db', '--out'], flags: [] });
  if (!parsed.ok) return bad(io, parsed.message, keyUsage);
  const out = parsed.args.options.get('--out');
  if (out === undefined) return bad(io, '缺少参数 --out <公钥文件.json>', keyUsage);
  return withStore(io, parsed.args.options.get('--db'), keyUsage, async (store) => {
    const key = await currentKey(store, commandLine);
    if (!key.ok) return bad(io, key.error.message, keyUsage);
    try {
      await writeFile(out, publicKeyFile(key.value).content, { flag: 'wx' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return bad(io, `无法写入 ${out}（已存在同名文件或没有写入权限）：${reason}`, keyUsage);
    }
    io.stdout(`${out}\n签名公钥指纹：${key.value.fingerprint}`);
    return 0;
  });
}

async function withStore(
  io: CliIo,
  db: string | undefined,
  usage: string,
  run: (store: Store) => Promise<number>,
): Promise<number> {
  if (db === undefined) return bad(io, '缺少参数 --db <数据库文件>', usage);
  if (!existsSync(db)) return bad(io, `数据库文件不存在：${db}`, usage);
  let store: Store;
  try {
    store = openStore(db);
  } catch (error) {
    if (error instanceof StoreError) return bad(io, error.message, usage);
    throw error;
  }
  try {
    return await run(store);
  } finally {
    store.close();
  }
}

function bad(io: CliIo, message: string, usage: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

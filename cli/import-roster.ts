import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { StoreError } from '../db/errors';
import { openStore, type Store } from '../db/store';
import { currentCongress, setCurrentCongress } from '../core/platform/congress-rules';
import { commitRoster, reviewRoster, type Reviewed } from '../core/setup/roster/import';
import { commandLine, idOption, oneLine, readArgs } from './args';
import type { CliIo } from './io';

const usage =
  '用法：congress-tally import-roster --db <数据库文件> [--congress <编号>] <名册.csv|xlsx> [--accept]';

/**
 * `import-roster`: reads a roster and prints its row report as JSON (every problem with line,
 * column and reason); writes only with --accept, and then only the lines without errors. On a
 * database without a congress, --accept creates one with the default settings. Exit 0 when the
 * file could be read, whatever its problems; 2 when it could not, or for bad arguments.
 */
export async function importRoster(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, { options: ['--db', '--congress'], flags: ['--accept'] });
  if (!parsed.ok) return bad(io, parsed.message);
  const { args } = parsed;
  const db = args.options.get('--db');
  const congressId = idOption(args, '--congress');
  const [file, ...extra] = args.positionals;
  if (db === undefined) return bad(io, '缺少参数 --db <数据库文件>');
  if (congressId !== null && typeof congressId === 'object') return bad(io, congressId.error);
  if (file === undefined) return bad(io, '缺少名册文件');
  if (extra.length > 0) return bad(io, `多余的参数：${extra.join(' ')}`);

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return bad(io, `无法读取名册文件 ${file}：${readProblem(error)}`);
  }
  let store: Store;
  try {
    store = openStore(db);
  } catch (error) {
    if (error instanceof StoreError) return bad(io, error.message);
    throw error;
  }
  try {
    return await run(store, io, { congressId, file, bytes, accept: args.flags.has('--accept') });
  } finally {
    store.close();
  }
}

interface Request {
  congressId: number | null;
  file: string;
  bytes: Uint8Array;
  accept: boolean;
}

async function run(store: Store, io: CliIo, request: Request): Promise<number> {
  const congress =
    request.congressId === null
      ? currentCongress(store)
      : store.congresses.byId(request.congressId);
  if (request.congressId !== null && !congress) {
    return bad(io, `数据库中没有编号为 ${request.congressId} 的大会`);
  }
  const heldOn = congress?.heldOn ?? today();
  const reviewed = await reviewRoster(
    store,
    { congressId: congress?.id ?? null, heldOn },
    { fileName: basename(request.file), bytes: request.bytes, fixes: [] },
  );
  if (!reviewed.ok) return bad(io, reviewed.error.message);
  let imported: unknown = null;
  let into = congress;
  if (request.accept) {
    into ??= createDefaultCongress(store, heldOn);
    const written = commitRoster(store, commandLine, into, reviewed.value, 'valid-only');
    if (written.ok) imported = written.value;
    else io.stderr(written.error.message);
  }
  io.stdout(JSON.stringify(report(reviewed.value, into, imported), null, 2));
  return 0;
}

function report(
  reviewed: Reviewed,
  congress: { id: number; name: string } | undefined,
  imported: unknown,
) {
  const { review } = reviewed;
  return {
    file: review.fileName,
    congress: congress ? { id: congress.id, name: congress.name } : null,
    format: review.format,
    encoding: review.encoding,
    headerLine: review.headerLine,
    summary: review.summary,
    problems: review.problems,
    notes: review.notes,
    imported,
  };
}

/** A congress to import into, with the default settings; its name and date can be set later. */
function createDefaultCongress(store: Store, heldOn: string) {
  return store.transaction(() => {
    const congress = store.congresses.create({
      name: '未命名大会（命令行导入名册时创建）',
      heldOn,
      profile: 'party-grassroots',
    });
    setCurrentCongress(store, congress.id);
    store.audit.append({ ...actor(), action: 'congress.create', payload: congress });
    return congress;
  });
}

function actor() {
  return { actor: commandLine.name, role: commandLine.role };
}

/** The machine's local date, YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function readProblem(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '是文件夹，不是文件';
  if (code === 'EACCES') return '没有读取权限';
  return error instanceof Error ? error.message : String(error);
}

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

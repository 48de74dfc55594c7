import { existsSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StoreError } from '../db/errors';
import { openStore, type Store } from '../db/store';
import { fail, ok, type Result } from '../shared/api/result';
import { isBeforeVoting } from '../shared/domain/rounds';
import { currentCongress } from '../core/platform/congress-rules';
import { printPrintout, type PrintoutRequest } from '../core/reports/handlers';
import { openChromiumPrinter } from '../core/reports/pdf';
import { commandLine, idOption, oneLine, readArgs, type Args } from './args';
import type { CliIo } from './io';
import { resultReportKinds } from './report-results';

interface ReportKind {
  /** What the kind needs besides --db and --out, for the usage line. */
  options: string;
  /** The printout to make, from the command's options. */
  request(store: Store, args: Args): Result<PrintoutRequest>;
}

/**
 * The kinds `report` prints, each through the same builder as the app's preview and PDF
 * (core/reports/handlers.ts). A later area adds its kind here and there.
 */
export const reportKinds: Readonly<Record<string, ReportKind>> = {
  ballot: { options: '--election <编号>', request: ballotRequest },
  'sign-in': {
    options: '[--congress <编号>]',
    request: (store, args) =>
      congressRequest(store, args, (congressId) => ({ kind: 'sign-in', congressId })),
  },
  cards: {
    options: '[--congress <编号>]',
    request: (store, args) =>
      congressRequest(store, args, (congressId) => ({ kind: 'cards', congressId })),
  },
  structure: {
    options: '[--congress <编号>]',
    request: (store, args) =>
      congressRequest(store, args, (congressId) => ({ kind: 'structure', congressId })),
  },
  issuance: { options: '--election <编号>', request: issuanceRequest },
  ...resultReportKinds,
};

const usage = `用法：congress-tally report <${Object.keys(reportKinds).join('|')}> --db <数据库文件> [--election <编号>] [--congress <编号>] --out <文件.pdf>`;

/**
 * `report <kind>`: prints one report to PDF through Chromium. Printing a ballot marks its round
 * printed, as in the app, and is refused while the slate is outside its bounds. Exit 0 with the
 * PDF written; 2 for bad input (with a one-line message) and nothing written.
 */
export async function report(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(argv, {
    options: ['--db', '--election', '--congress', '--out'],
    flags: [],
  });
  if (!parsed.ok) return bad(io, parsed.message);
  const { args } = parsed;
  const [name, ...extra] = args.positionals;
  const kind = name === undefined ? undefined : reportKinds[name];
  const db = args.options.get('--db');
  const out = args.options.get('--out');
  if (name === undefined) return bad(io, '缺少报表类型');
  if (!kind) return bad(io, `未知的报表类型：${name}`);
  if (extra.length > 0) return bad(io, `多余的参数：${extra.join(' ')}`);
  if (db === undefined) return bad(io, '缺少参数 --db <数据库文件>');
  if (out === undefined) return bad(io, '缺少参数 --out <文件.pdf>');
  if (!existsSync(db)) return bad(io, `数据库文件不存在：${db}`);

  let store: Store;
  try {
    store = openStore(db);
  } catch (error) {
    if (error instanceof StoreError) return bad(io, error.message);
    throw error;
  }
  try {
    const request = kind.request(store, args);
    if (!request.ok) return bad(io, request.error.message);
    return await printTo(store, io, request.value, resolve(out));
  } finally {
    store.close();
  }
}

/** Opens the output first, so that a bad path fails before anything is marked printed. */
async function printTo(store: Store, io: CliIo, request: PrintoutRequest, out: string) {
  let file: FileHandle;
  try {
    file = await open(out, 'w');
  } catch (error) {
    return bad(io, `无法写入 ${out}：${error instanceof Error ? error.message : String(error)}`);
  }
  let written = false;
  try {
    const printer = await openChromiumPrinter();
    try {
      const printed = await printPrintout(store, commandLine, (r) => printer.print(r), request);
      if (!printed.ok) return bad(io, printed.error.message);
      await file.writeFile(printed.value.pdf);
      written = true;
      io.stdout(out);
      return 0;
    } finally {
      await printer.close();
    }
  } finally {
    await file.close();
    if (!written) await rm(out, { force: true });
  }
}

function ballotRequest(store: Store, args: Args): Result<PrintoutRequest> {
  const electionId = idOption(args, '--election');
  if (electionId === null) return fail('invalid-argument', '打印选票需要参数 --election <编号>');
  if (typeof electionId === 'object') return fail('invalid-argument', electionId.error);
  const election = store.elections.byId(electionId);
  if (!election) return fail('not-found', `数据库中没有编号为 ${electionId} 的选举事项`);
  const round = store.elections
    .roundsOf(election.id)
    .filter((r) => isBeforeVoting(r.state))
    .at(-1);
  if (!round) return fail('invalid-state', `“${election.title}”已开始投票，没有待印制的选票`);
  return ok({ kind: 'ballot', roundId: round.id });
}

/** The election's latest round whose ballots were issued. */
function issuanceRequest(store: Store, args: Args): Result<PrintoutRequest> {
  const electionId = idOption(args, '--election');
  if (electionId === null) {
    return fail('invalid-argument', '打印分发/收回选票情况报告单需要参数 --election <编号>');
  }
  if (typeof electionId === 'object') return fail('invalid-argument', electionId.error);
  const election = store.elections.byId(electionId);
  if (!election) return fail('not-found', `数据库中没有编号为 ${electionId} 的选举事项`);
  const round = store.elections
    .roundsOf(election.id)
    .filter((r) => r.issued !== null)
    .at(-1);
  if (!round) {
    return fail('invalid-state', `“${election.title}”尚未发票，没有可报告的分发、收回情况`);
  }
  return ok({ kind: 'issuance', roundId: round.id });
}

function congressRequest(
  store: Store,
  args: Args,
  request: (congressId: number) => PrintoutRequest,
): Result<PrintoutRequest> {
  const congressId = idOption(args, '--congress');
  if (congressId !== null && typeof congressId === 'object') {
    return fail('invalid-argument', congressId.error);
  }
  const congress = congressId === null ? currentCongress(store) : store.congresses.byId(congressId);
  if (!congress) {
    return fail(
      'not-found',
      congressId === null ? '数据库中还没有大会' : `数据库中没有编号为 ${congressId} 的大会`,
    );
  }
  return ok(request(congress.id));
}

function bad(io: CliIo, message: string): number {
  io.stderr(oneLine(message, usage));
  return 2;
}

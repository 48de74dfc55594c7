import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Store } from '../../db/store';
import {
  printoutAccess,
  type PrintoutPdf,
  type printoutSchema,
  type printoutsMethods,
} from '../../shared/api/printouts';
import { fail, ok, type Result } from '../../shared/api/result';
import { keepsGivenOrder } from '../../shared/domain/offices';
import { ballotTitle } from '../../shared/strings/setup';
import { congressRules } from '../platform/congress-rules';
import type { Actor, ServiceContext } from '../platform/context';
import { checkAccess, type Handlers } from '../platform/dispatch';
import { electionRecord } from '../setup/election-record';
import { buildIssuanceSheet } from './issuance-sheet';
import { resultSheetSeal } from '../export/package/seal';
import { buildElectedList, buildResultSheet, buildSummary } from './result-sheets';
import { moveRound } from '../platform/round-state';
import { ballotReport, delegateCardsReport, signInSheetReport } from './documents';
import { machineBallot, type LayoutRecord } from './machine-ballot';
import { buildStructureSheet } from './structure-sheet';
import type { BallotProps } from './templates/Ballot';
import type { PrintableReport } from './printer';
import { notFound } from '../platform/lookup';

export type PrintoutRequest = z.output<typeof printoutSchema>;
type Kind = PrintoutRequest['kind'];

/** Turns a report into PDF bytes: Chromium in tests and on the command line, Electron in the app. */
export type PrintPdf = (report: PrintableReport) => Promise<Uint8Array>;

export interface Built {
  report: PrintableReport;
  fileName: string;
  /** A ballot's round: printing it moves the round from draft to printed. */
  roundId: number | null;
  /** A machine-readable ballot's layout, recorded with its round when it is printed. */
  layout?: LayoutRecord | undefined;
}

type Builder<K extends Kind> = (
  store: Store,
  request: Extract<PrintoutRequest, { kind: K }>,
) => Result<Built>;

/**
 * One builder per kind of printout, from the database to the report: the preview, the PDF and the
 * command line all go through it. Later areas add their kinds (result sheets, …) here.
 */
const printoutBuilders: { [K in Kind]: Builder<K> } = {
  ballot: buildBallot,
  'sign-in': buildSignInSheet,
  cards: buildCards,
  issuance: buildIssuanceSheet,
  // After an export, a result sheet carries the seal of the package that holds its rounds.
  'result-sheet': (store, request) =>
    buildResultSheet(store, request, resultSheetSeal(store, request)),
  'elected-list': buildElectedList,
  summary: buildSummary,
  structure: buildStructureSheet,
};

function buildPrintout(store: Store, request: PrintoutRequest): Result<Built> {
  return (printoutBuilders[request.kind] as Builder<Kind>)(store, request);
}

export function printoutsHandlers(ctx: ServiceContext): Handlers<typeof printoutsMethods> {
  return {
    'printouts.preview': (request) => {
      const built = buildPrintout(ctx.store, request);
      return built.ok
        ? ok({ title: built.value.report.title, html: built.value.report.html })
        : built;
    },
    'printouts.pdf': async (request, session) => {
      const denied = checkAccess(printoutAccess[request.kind], session);
      if (denied) return denied;
      const printed = await printPrintout(ctx.store, session, ctx.printPdf, request);
      if (!printed.ok) return printed;
      const { built, pdf, roundState } = printed.value;
      return ok<PrintoutPdf>({
        title: built.report.title,
        fileName: built.fileName,
        pdf: Buffer.from(pdf).toString('base64'),
        roundState,
      });
    },
  };
}

/**
 * Prints to PDF and records it: one audit row, and a ballot's round marked printed. A ballot is
 * built again inside that transaction: if its paper changed while Chromium was printing (another
 * administrator edited the candidates), the PDF is stale and is refused, and nothing is marked.
 */
export async function printPrintout(
  store: Store,
  actor: Actor,
  printPdf: PrintPdf,
  request: PrintoutRequest,
): Promise<Result<{ built: Built; pdf: Uint8Array; roundState: 'printed' | null }>> {
  const built = buildPrintout(store, request);
  if (!built.ok) return built;
  const pdf = await printPdf(built.value.report);
  return store.transaction(() => {
    const { roundId } = built.value;
    const again = roundId === null ? built : buildPrintout(store, request);
    if (!again.ok || again.value.report.html !== built.value.report.html) {
      return fail('conflict', `打印期间“${built.value.report.title}”的内容已被修改，请重新打印`);
    }
    const round = roundId === null ? undefined : store.elections.roundById(roundId);
    if (round?.state === 'draft') moveRound(store, round, { to: 'printed' });
    const { layout } = built.value;
    if (roundId !== null && layout) store.ballotLayouts.record(roundId, layout);
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action: roundId === null ? 'printout.print' : 'round.print',
      payload: {
        ...request,
        title: built.value.report.title,
        sha256: sha256(pdf),
        ...(layout && { layoutSha256: layout.digest }),
      },
    });
    return ok({ built: built.value, pdf, roundState: roundId === null ? null : 'printed' });
  });
}

function buildBallot(store: Store, { roundId }: { roundId: number }): Result<Built> {
  const round = store.elections.roundById(roundId);
  const election = round && store.elections.byId(round.electionId);
  const congress = election && store.congresses.byId(election.congressId);
  if (!round || !election || !congress) {
    return notFound('roundId');
  }
  const record = electionRecord(store, election, congress).rounds.find((r) => r.id === roundId);
  if (record?.printBlocked) {
    return fail('invalid-state', `${election.title}：${record.printBlocked}`, { field: 'roundId' });
  }
  const title = ballotTitle(election.title, round.kind);
  const ballot: BallotProps = {
    congressName: congress.name,
    electionTitle: title,
    seats: round.seats,
    ...(round.kind === 'preliminary' && { formalCandidates: round.formalCandidates ?? undefined }),
    candidates: (record?.candidates ?? []).map((c) => c.name),
    strokeOrder: !keepsGivenOrder(election.office),
    // A runoff is among the tied names only (就票数相等的被选举人再次投票): nobody can be written in.
    writeInBlanks: round.kind === 'runoff' ? 0 : election.writeInBlanks,
    instructions: congress.ballotInstructions,
    colourLabel: election.ballotColour,
  };
  const identity = { congress: congress.id, election: election.id, round: round.id };
  const machine = congress.machineReadable ? machineBallot(ballot, identity) : undefined;
  return ok({
    report: ballotReport(machine?.props ?? ballot),
    fileName: fileNameOf(`${title}选票`),
    roundId,
    layout: machine?.layout,
  });
}

function buildSignInSheet(store: Store, { congressId }: { congressId: number }): Result<Built> {
  const roster = rosterOf(store, congressId);
  if (!roster.ok) return roster;
  const { congress, delegates } = roster.value;
  return ok({
    report: signInSheetReport({
      congressName: congress.name,
      nameOrder: congressRules(congress).nameOrder,
      delegates: delegates.map((d) => ({
        name: d.name,
        gender: d.gender,
        cardNo: d.cardNo,
        unit: d.unit,
        excused: d.excusedReason !== null,
      })),
    }),
    fileName: fileNameOf(`${congress.name}代表签到表`),
    roundId: null,
  });
}

function buildCards(
  store: Store,
  { congressId, delegateIds }: { congressId: number; delegateIds?: number[] | undefined },
): Result<Built> {
  const roster = rosterOf(store, congressId);
  if (!roster.ok) return roster;
  const { congress, delegates } = roster.value;
  const wanted = delegateIds && new Set(delegateIds);
  const chosen = wanted ? delegates.filter((d) => wanted.has(d.id)) : delegates;
  if (wanted && chosen.length !== wanted.size) {
    return fail('not-found', '所选代表中有人不在本大会的名册中，请刷新后重试', {
      field: 'delegateIds',
    });
  }
  return ok({
    report: delegateCardsReport({
      congressName: congress.name,
      nameOrder: congressRules(congress).nameOrder,
      delegates: chosen.map(({ name, unit, cardNo }) => ({ name, unit, cardNo })),
    }),
    fileName: fileNameOf(`${congress.name}代表证`),
    roundId: null,
  });
}

function rosterOf(store: Store, congressId: number) {
  const congress = store.congresses.byId(congressId);
  if (!congress) return notFound('congressId');
  const delegates = store.delegates.listByCongress(congressId);
  if (delegates.length === 0) {
    return fail('invalid-state', `“${congress.name}”的名册中还没有代表，请先导入名册`);
  }
  return ok({ congress, delegates });
}

/** A name every file system accepts. */
function fileNameOf(title: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Starts a Chromium for one report and closes it: printing happens a few times before the day. */
export async function printWithChromium(report: PrintableReport): Promise<Uint8Array> {
  // Loaded on first use, so that the app's main process, which prints through Electron, never
  // needs Chromium's driver at start-up.
  const { openChromiumPrinter } = await import('./pdf');
  const printer = await openChromiumPrinter();
  try {
    return await printer.print(report);
  } finally {
    await printer.close();
  }
}

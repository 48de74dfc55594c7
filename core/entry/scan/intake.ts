import type { EntryPass } from '../../../db/ballots';
import type { Store } from '../../../db/store';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { ScanIntake } from '../../../shared/api/scan';
import type { GrayImage } from '../../../shared/scan/image';
import { readBallotPage, type PageReading, type ReadRounds } from '../../../shared/scan/read';
import { audit, type ServiceContext } from '../../platform/context';
import { writablePass, type Teller } from '../ballot-entry';
import { findBox, type BoxInRound } from '../boxes';
import { decodePages, kindOf, MAX_PAGES, pagePng, type ImageKind } from './decode';
import { keepImage } from './images';
import { printedRounds } from './printed';
import { recordOf } from './sheets';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** Where the printed rounds of a box's round come from: the store, or a test's own. */
export type RoundsOf = (store: Store, found: BoxInRound) => Result<ReadRounds>;

const storedRounds: RoundsOf = (store, found) => printedRounds(store, found.context);

interface ReadPage {
  reading: PageReading;
  image: string;
}

export const BLANK_REASON = '空白页';

/**
 * Decodes the files (in the order given, pages in file order), reads every page against the
 * box's printed round, keeps each page image and adds the sheets to the caller's open pass with
 * the machine's reading in the audit log. A file that cannot be decoded refuses the whole call
 * before anything is kept.
 */
export async function takeFiles(
  ctx: ServiceContext,
  teller: Teller,
  input: { boxId: number; files: readonly IncomingFile[]; kinds?: readonly ImageKind[] },
  roundsOf: RoundsOf = storedRounds,
): Promise<Result<ScanIntake>> {
  const { store } = ctx;
  const found = findBox(store, input.boxId);
  if (!found.ok) return found;
  const opened = writablePass(store, found.value, teller);
  if (!opened.ok) return opened;
  const rounds = roundsOf(store, found.value);
  if (!rounds.ok) return rounds;
  const images: GrayImage[] = [];
  for (const file of input.files) {
    const kind = kindOf(file.bytes);
    if (input.kinds && (kind === undefined || !input.kinds.includes(kind))) {
      return fail('invalid-argument', `“${file.name}”不是 ${input.kinds.join('、')} 图像`, {
        field: 'content',
      });
    }
    const pages = await decodePages(file.bytes, file.name);
    if (!pages.ok) return pages;
    images.push(...pages.value);
    if (images.length > MAX_PAGES) {
      return fail('invalid-argument', `一次最多 ${MAX_PAGES} 页，请分批提交`, { field: 'files' });
    }
  }
  const read: ReadPage[] = [];
  for (const image of images) {
    const reading = readBallotPage(image, rounds.value);
    read.push({ reading, image: await keepImage(store.file, await pagePng(image)) });
  }
  const pageCount = rounds.value.expected.layout.pages.length;
  return store.transaction((): Result<ScanIntake> => {
    // The pass may have closed while the pages were read.
    const pass = writablePass(store, found.value, teller);
    if (!pass.ok) return pass;
    store.scan.markScanned(pass.value.id);
    const touched: number[] = [];
    for (const page of read) {
      const sheetId = placePage(store, pass.value, pageCount, page);
      if (!touched.includes(sheetId)) touched.push(sheetId);
      audit(ctx, teller, 'ballot.scan-read', {
        boxId: found.value.box.id,
        pass: pass.value.pass,
        sheet: sheetId,
        page: page.reading.page,
        image: page.image,
        status: page.reading.status,
        reason: page.reading.reason,
        marks: page.reading.marks,
        writeIns: page.reading.writeIns.map(({ slot, ink, mark }) => ({ slot, ink, mark })),
      });
    }
    return ok({
      pages: read.length,
      sheets: touched.map((id) => recordOf(store, found.value, id)),
    });
  });
}

/**
 * A ballot's first page starts a sheet; a later page joins the sheet scanned just before it when
 * that sheet has every page before it and not this one. A blank page is set aside, a refused one
 * is listed with its reason; neither is ever a ballot.
 */
function placePage(store: Store, pass: EntryPass, pageCount: number, page: ReadPage): number {
  const { reading } = page;
  const stored = {
    page: reading.page,
    image: page.image,
    reading: JSON.stringify(reading),
  };
  const settled = (status: 'skipped' | 'refused', reason: string) => {
    const id = store.scan.addSheet({ passId: pass.id, pageCount, status, reason });
    store.scan.addPage(id, stored);
    return id;
  };
  if (reading.status === 'blank') return settled('skipped', BLANK_REASON);
  if (reading.status === 'refused') return settled('refused', reading.reason ?? '无法识别');
  if (reading.page > 1) {
    const last = store.scan.lastSheet(pass.id);
    const has = new Set(last?.pages.map((p) => p.page));
    let follows = last?.status === 'pending' && !has.has(reading.page);
    for (let p = 1; p < reading.page; p++) follows &&= has.has(p);
    if (last && follows) {
      store.scan.addPage(last.id, stored);
      return last.id;
    }
    return settled(
      'refused',
      `第 ${reading.page} 页前没有扫描到同一张选票的第 ${reading.page - 1} 页，请按页序重新扫描这张选票`,
    );
  }
  const id = store.scan.addSheet({ passId: pass.id, pageCount, status: 'pending', reason: null });
  store.scan.addPage(id, stored);
  return id;
}

import { decodePages } from '../../../core/entry/scan/decode';
import type { RoundIdentity } from '../../../core/reports/machine-ballot';
import type { BallotProps } from '../../../core/reports/templates/Ballot';
import { READ_CONFIDENCE } from '../../../shared/scan/cells';
import type { GrayImage } from '../../../shared/scan/image';
import {
  readBallotPage,
  REFUSED,
  type KnownRound,
  type PageReading,
} from '../../../shared/scan/read';
import { apply, type Homography } from './homography';
import { drawBallot, type BallotTruth } from './ballot';
import { encodeImage } from './encode';
import { printBallots, printedTemplates, type PrintedBallot } from './printed-template';
import type { Rng } from './rng';
import { createRng } from './rng';
import type { BallotTemplate } from './template';

/*
 * The corpus measured: the app's own machine ballots, printed by Chromium and rasterised, marked
 * by generated voters, captured by generated scanners and cameras, stored as the device stores
 * them (JPEG through the app's decoder), and read by the reader. Every cell is scored against the
 * truth the generator kept.
 */

const SURNAMES = '丁于马王尤毛孔邓石卢叶田史白冯刘孙杜李杨吴何汪宋张陈林罗周郑孟胡钟姜贺秦夏';
const GIVEN = [
  '建国',
  '丽',
  '志强',
  '海燕',
  '伟',
  '秀英',
  '明',
  '晓东',
  '红梅',
  '军',
  '文华',
  '静',
];

function names(count: number, seed: string): string[] {
  const rng = createRng(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const s = SURNAMES[Math.floor(rng.next() * SURNAMES.length)] ?? '王';
    out.add(s + (GIVEN[Math.floor(rng.next() * GIVEN.length)] ?? '伟'));
  }
  return [...out];
}

function ballotProps(title: string, seats: number, candidates: number, blanks: number) {
  return {
    congressName: '中国共产党东湖镇第十六次代表大会',
    electionTitle: title,
    seats,
    candidates: names(candidates, title),
    strokeOrder: true,
    writeInBlanks: blanks,
    instructions: '',
    colourLabel: '',
  } satisfies BallotProps;
}

export interface CorpusLayout {
  name: string;
  seats: number;
  printed: PrintedBallot;
  /** The same election printed for another round, and the round's print before a reprint. */
  otherRound: PrintedBallot;
  oldPrint: PrintedBallot;
}

/** The two ballots of the corpus: a 9-of-11 committee ballot and a 22-of-27 one in columns. */
export async function corpusLayouts(): Promise<CorpusLayout[]> {
  const specs = [
    {
      name: '9-of-11',
      seats: 9,
      candidates: 11,
      blanks: 3,
      title: '选举中国共产党东湖镇第十六届委员会委员',
    },
    {
      name: '22-of-27',
      seats: 22,
      candidates: 27,
      blanks: 4,
      title: '选举出席中国共产党青山县第十五次代表大会代表',
    },
  ];
  const jobs = specs.flatMap((s, i) => {
    const round: RoundIdentity = { congress: 7, election: 10 + i, round: 20 + i };
    const props = ballotProps(s.title, s.seats, s.candidates, s.blanks);
    return [
      { props, round },
      { props, round: { ...round, round: round.round + 100 } },
      // The print before a candidate withdrew: one name more.
      { props: { ...props, candidates: [...props.candidates, '鲁新民'] }, round },
    ];
  });
  const printed = await printBallots(jobs);
  return specs.map((s, i) => {
    const [current, other, old] = printed.slice(i * 3, i * 3 + 3);
    if (!current || !other || !old) throw new Error('a ballot did not print');
    return { name: s.name, seats: s.seats, printed: current, otherRound: other, oldPrint: old };
  });
}

export function knownRound(p: PrintedBallot): KnownRound {
  return { code: { ...p.round, layout: p.digest.slice(0, 16), page: 1 }, layout: p.layout };
}

/** Tallies of one group of pages (a layout at a resolution). */
export interface Score {
  pages: number;
  /** Cells whose truth is ○, × or blank, and of them those read wrong with full confidence. */
  clearCells: number;
  confidentlyWrong: number;
  /** Clear cells the reader sent to a teller. */
  reviewed: number;
  /** Cells drawn as something else (tick, scribble…): all must go to review. */
  unclearCells: number;
  unclearPassed: number;
  /** Name cells with a name written, and of them those the reader did not see. */
  inkedNames: number;
  missedNames: number;
  /** Name cells left empty that the reader thought written in (sent to a teller). */
  phantomNames: number;
  /** Pages of this round, every registration mark in the picture, that the reader refused or skipped. */
  lost: number;
  /** Pages whose capture cut off part of a registration mark: refused, or read and scored as the rest. */
  cut: number;
  cutRefused: number;
  /** Examples of failures, for the message of a failing test. */
  failures: string[];
}

export function emptyScore(): Score {
  return {
    pages: 0,
    clearCells: 0,
    confidentlyWrong: 0,
    reviewed: 0,
    unclearCells: 0,
    unclearPassed: 0,
    inkedNames: 0,
    missedNames: 0,
    phantomNames: 0,
    lost: 0,
    cut: 0,
    cutRefused: 0,
    failures: [],
  };
}

function scoreCell(score: Score, want: string, got: string, confidence: number, where: string) {
  const sure = got !== '?' && confidence >= READ_CONFIDENCE;
  if (want === '?') {
    score.unclearCells++;
    if (sure) {
      score.unclearPassed++;
      score.failures.push(`${where}: drawn unclear, read ${got} (${confidence.toFixed(2)})`);
    }
    return;
  }
  score.clearCells++;
  if (!sure) score.reviewed++;
  else if (got !== want) {
    score.confidentlyWrong++;
    score.failures.push(`${where}: drawn ${want}, read ${got} (${confidence.toFixed(2)})`);
  }
}

export function scorePage(
  score: Score,
  truth: BallotTruth,
  r: PageReading,
  where: string,
  cut = false,
) {
  score.pages++;
  if (cut) score.cut++;
  if (cut && r.status === 'refused' && r.reason === REFUSED.noMarks) {
    score.cutRefused++;
    return;
  }
  if (r.status === 'refused' || r.status === 'blank') {
    score.lost++;
    score.failures.push(`${where}: ${r.status} ${r.reason ?? ''}`);
    return;
  }
  truth.candidates.forEach((candidate, i) => {
    const at = r.candidates.indexOf(candidate);
    scoreCell(
      score,
      truth.marks[i] ?? '-',
      r.marks[at] ?? '?',
      r.confidence[at] ?? 0,
      `${where} #${candidate}`,
    );
  });
  for (const w of truth.writeIns) {
    const read = r.writeIns.find((x) => x.slot === w.slot);
    scoreCell(score, w.mark, read?.mark ?? '?', read?.confidence ?? 0, `${where} 另选人${w.slot}`);
    if (w.ink) {
      score.inkedNames++;
      if (!read?.ink) {
        score.missedNames++;
        score.failures.push(`${where} 另选人${w.slot}: a written name not seen`);
      }
    } else if (read?.ink) score.phantomNames++;
  }
}

/** A captured page as the app receives it: JPEG through the app's decoder, lossless as drawn. */
async function received(
  pixels: GrayImage,
  file: string,
  options: { dpi: number; quality: number },
): Promise<GrayImage> {
  if (file !== 'jpeg') return pixels;
  const bytes = await encodeImage(pixels, 'jpeg', { ...options, bw: false });
  const pages = await decodePages(bytes, 'page.jpg');
  if (!pages.ok || !pages.value[0]) throw new Error('a generated JPEG did not decode');
  return pages.value[0];
}

/** One generated ballot page of `layout` at the template's resolution, read and scored. */
export async function readOne(
  score: Score,
  layout: CorpusLayout,
  template: BallotTemplate,
  rng: Rng,
  where: string,
): Promise<void> {
  // One ballot in ten carries a mark that must go to a teller: a tick, a scribble, a crossed-out ○…
  const drawn = drawBallot(template, rng, { seats: layout.seats, shares: { odd: 0.1 } });
  const image = await received(drawn.pixels, drawn.capture.file, {
    dpi: template.dpi,
    quality: drawn.capture.quality,
  });
  const reading = readBallotPage(image, {
    expected: knownRound(layout.printed),
    others: [knownRound(layout.otherRound), knownRound(layout.oldPrint)],
  });
  scorePage(score, drawn.truth, reading, where, cutOff(drawn.transform, template));
}

/** Whether the capture left part of a registration mark outside the picture. */
function cutOff(transform: Homography, template: BallotTemplate): boolean {
  const px = template.dpi / 25.4;
  const { width, height } = template.image;
  const page = template.layout.pages[template.page];
  return (page?.marks ?? []).some((m) =>
    [
      [m.x, m.y],
      [m.x + m.w, m.y],
      [m.x, m.y + m.h],
      [m.x + m.w, m.y + m.h],
    ].some(([x = 0, y = 0]) => {
      const [u, v] = apply(transform, x * px, y * px);
      return u < 0 || v < 0 || u > width || v > height;
    }),
  );
}

export function printedTemplatesOf(print: PrintedBallot, dpi: number): Promise<BallotTemplate[]> {
  return printedTemplates(print.pdf, print.layout, dpi);
}

/** Ballots of another round or an older print of this one: each must be refused, saying which. */
export interface ForeignScore {
  pages: number;
  refused: number;
  /** Refused with another reason than the one that fits (cut-off pages aside). */
  wrongReason: string[];
  read: string[];
}

export function emptyForeign(): ForeignScore {
  return { pages: 0, refused: 0, wrongReason: [], read: [] };
}

export function readForeign(
  score: ForeignScore,
  layout: CorpusLayout,
  template: BallotTemplate,
  reason: string,
  rng: Rng,
  where: string,
): void {
  const drawn = drawBallot(template, rng, { seats: layout.seats });
  const reading = readBallotPage(drawn.pixels, {
    expected: knownRound(layout.printed),
    others: [knownRound(layout.otherRound), knownRound(layout.oldPrint)],
  });
  score.pages++;
  if (reading.status !== 'refused') {
    score.read.push(`${where}: ${reading.status}`);
    return;
  }
  score.refused++;
  const cut = cutOff(drawn.transform, template) && reading.reason === REFUSED.noMarks;
  if (reading.reason !== reason && !cut)
    score.wrongReason.push(`${where}: ${reading.reason ?? ''}`);
}

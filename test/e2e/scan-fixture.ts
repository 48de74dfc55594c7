import { openStore } from '../../db/store';
import type { BallotLayout } from '../../shared/scan/layout';
import { createRng } from '../scan/corpus';
import { generateBallot, type BallotOptions } from '../scan/corpus/ballot';
import { printedTemplates } from '../scan/corpus/printed-template';
import type { GreyRaster } from '../scan/corpus/raster';
import { seedCountingRound } from '../unit/entry/seed';
import { tokenOf } from './day-fixture';
import { seedPeople, type AppUnderTest } from './harness';

/** The key a teller presses for what the paper shows. */
export const keyFor: Record<string, string> = { O: '1', X: '2', '-': '3', '?': '4' };

export interface Paper {
  marks: string;
  bytes: Buffer;
  pixels: GreyRaster;
}

/**
 * The round's ballot as the app printed it (the PDF and the layout it stored), rasterised at
 * 200 dpi and marked by `count` voters, each sheet through a document scanner as a JPEG.
 */
export async function markedPapers(
  app: AppUnderTest,
  admin: string,
  roundId: number,
  count: number,
  capture: BallotOptions['capture'] = {},
): Promise<Paper[]> {
  // Printed before the count began, as on the day: the round goes back to its draft for it.
  const setState = (state: 'draft' | 'counting') => {
    const store = openStore(app.db);
    try {
      store.transaction(() => store.elections.setRoundState(roundId, state));
    } finally {
      store.close();
    }
  };
  setState('draft');
  const printed = await app.api('printouts.pdf', { kind: 'ballot', roundId }, admin);
  if (!printed.ok) throw new Error(printed.error.message);
  setState('counting');
  const stored = app.query<{ layout: string }>(
    `SELECT layout FROM printed_layout WHERE round_id = ${roundId} ORDER BY id DESC LIMIT 1`,
  );
  if (!stored) throw new Error('the print stored no layout');
  const layout = JSON.parse(stored.layout) as BallotLayout;
  const [template] = await printedTemplates(Buffer.from(printed.value.pdf, 'base64'), layout, 200);
  if (!template) throw new Error('the ballot has no page');
  const papers: Paper[] = [];
  for (let i = 0; i < count; i++) {
    const ballot = await generateBallot(template, createRng(`e2e-scan:${i}`), {
      seats: 9,
      shares: { odd: 0.04, writeIn: 0 },
      capture: {
        device: 'scanner',
        mode: 'grey',
        file: 'jpeg',
        upsideDown: false,
        // A feeder's skew: the sheet's corners stay on the glass.
        rotation: ((i % 7) - 3) * 0.5,
        shift: { x: 0, y: 0 },
        ...capture,
      },
    });
    papers.push({ marks: ballot.truth.marks, bytes: ballot.file.bytes, pixels: ballot.pixels });
  }
  return papers;
}

/** Three people and a round being counted, with one box of `expected` ballots. */
export async function seedScanDay(app: AppUnderTest, expected: number, doubleEntry = false) {
  const { adminToken, ids } = await seedPeople(app, [
    { name: '张计票', role: 'teller', pin: '1357' },
    { name: '李计票', role: 'teller', pin: '2468' },
    { name: '赵监票', role: 'scrutineer', pin: '3579' },
  ]);
  const store = openStore(app.db);
  let roundId: number;
  try {
    roundId = seedCountingRound(store, { returned: expected, issued: expected, doubleEntry }).round
      .id;
  } finally {
    store.close();
  }
  const scrutineer = await tokenOf(app, ids['赵监票'] ?? 0, '3579');
  const box = await app.api('entry.createBox', { roundId, label: '1号箱', expected }, scrutineer);
  if (!box.ok) throw new Error(box.error.message);
  return { adminToken, ids, roundId, boxId: box.value.id, scrutineer };
}

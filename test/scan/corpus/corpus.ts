import {
  drawBallot,
  generateBallot,
  type BallotOptions,
  type DrawnBallot,
  type GeneratedBallot,
} from './ballot';
import { multiPageTiff, scannerPdf } from './encode';
import { createRng } from './rng';
import type { BallotTemplate } from './synthetic-template';

export interface CorpusSpec extends BallotOptions {
  template: BallotTemplate;
  count: number;
  seed: number | string;
}

/**
 * Ballots one at a time, so a caller never holds thousands of images. Ballot `i` depends only on
 * the seed and `i`, so a single failing ballot can be regenerated on its own with `corpusBallot`.
 */
export async function* generateCorpus(spec: CorpusSpec): AsyncGenerator<GeneratedBallot> {
  for (let i = 0; i < spec.count; i++) yield corpusBallot(spec, i);
}

export function corpusBallot(
  spec: Omit<CorpusSpec, 'count'>,
  index: number,
): Promise<GeneratedBallot> {
  return generateBallot(spec.template, createRng(`${spec.seed}:${index}`), spec);
}

/** The same, without writing files, for callers that read the pixels directly. */
export function* drawCorpus(spec: CorpusSpec): Generator<DrawnBallot> {
  for (let i = 0; i < spec.count; i++) {
    yield drawBallot(spec.template, createRng(`${spec.seed}:${i}`), spec);
  }
}

export interface Batch {
  ballots: DrawnBallot[];
  file: { bytes: Buffer; type: 'tiff' | 'pdf' };
}

/**
 * One feeder-scanner run saved as one multi-page file: every sheet through the same scanner at
 * the same settings (grey or black-and-white for TIFF; grey JPEG pages for PDF), each lying
 * differently on the glass.
 */
export async function generateBatch(spec: CorpusSpec & { type: 'tiff' | 'pdf' }): Promise<Batch> {
  const settings = createRng(`${spec.seed}:batch`);
  const bw = spec.type === 'tiff' && settings.chance(0.3);
  const quality = Math.round(settings.range(50, 90));
  const ballots = [
    ...drawCorpus({
      ...spec,
      capture: {
        device: 'scanner',
        mode: bw ? 'bw' : 'grey',
        file: spec.type === 'pdf' ? 'jpeg' : 'tiff',
        quality,
        ...spec.capture,
      },
    }),
  ];
  const pages = ballots.map((b) => b.pixels);
  const dpi = spec.template.dpi;
  const bytes =
    spec.type === 'tiff'
      ? await multiPageTiff(pages, { dpi, bw: ballots[0]?.capture.mode === 'bw' })
      : await scannerPdf(pages, { dpi, quality });
  return { ballots, file: { bytes, type: spec.type } };
}

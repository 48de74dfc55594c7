export { createRng, type Rng } from './rng';
export type { GreyRaster } from './raster';
export {
  drawBallot,
  generateBallot,
  type BallotOptions,
  type BallotTruth,
  type DrawnBallot,
  type GeneratedBallot,
  type TruthMark,
} from './ballot';
export {
  corpusBallot,
  drawCorpus,
  generateBatch,
  generateCorpus,
  type Batch,
  type CorpusSpec,
} from './corpus';
export { chooseCapture, type Capture, type FileType } from './capture';
export { apply, invert, type Homography } from './homography';
export { encodeImage, multiPageTiff, scannerPdf } from './encode';
export type { CellMark, OddMark } from './marks';
export { ODD_MARKS, type VoteShares } from './votes';
export { syntheticTemplate, type BallotTemplate } from './synthetic-template';
export {
  buildTestLayout,
  committeeTestLayout,
  largeTestLayout,
  type TestLayoutSpec,
} from './test-layout';

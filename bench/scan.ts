import { decodePages } from '../core/entry/scan/decode';
import type { GrayImage } from '../shared/scan/image';
import { readBallotPage, type KnownRound, type PageReading } from '../shared/scan/read';
import { chromiumUnavailable } from './browser';
import { median, ms, percentile, progress, sample, withPeak } from './measure';
import { scanPage, VOTES } from './scan-page';

/*
 * scan: reading scanned ballots. One page (bench/scan-page.ts) is decoded from its JPEG with the
 * app's decoder, then read again and again with the app's reader, in this one JavaScript thread:
 * the throughput of one core. Decoding is timed apart, as the app decodes a file once and reads
 * its pages. The reading is checked before it is timed: a fast refusal measures nothing.
 */

export interface ScanFigures {
  ballots_per_s: number | null;
  /** Why there is no figure (no Chromium to print the ballot), else absent. */
  reason?: string;
  read_p50_ms?: number;
  read_p99_ms?: number;
  decode_ms?: number;
  runs?: number;
  decode_runs?: number;
  status?: string;
  marks?: string;
  jpeg_kb?: number;
  /** Peak RSS of this process while reading; decode_peak_mb while decoding (sharp's buffers). */
  peak_mb?: number;
  decode_peak_mb?: number;
}

export async function scanBench(quick: boolean): Promise<ScanFigures> {
  const missing = chromiumUnavailable();
  if (missing) return { ballots_per_s: null, reason: missing };
  progress('scan: printing the 9-of-11 ballot and scanning it');
  const { jpeg, round } = await scanPage();
  const image = await decodeOnce(jpeg);
  const reading = checkedReading(image, round);

  progress('scan: decoding the JPEG');
  const decoding = await withPeak(() =>
    sample({ warmup: 3, runs: quick ? 5 : 20 }, () => decodeOnce(jpeg)),
  );
  progress('scan: reading the page');
  const reads = await withPeak(() =>
    sample({ warmup: 5, runs: quick ? 20 : 100 }, () => readBallotPage(image, { expected: round })),
  );
  const total = reads.value.reduce((sum, t) => sum + t, 0);
  return {
    ballots_per_s: Math.round((reads.value.length / total) * 1000 * 10) / 10,
    read_p50_ms: ms(percentile(reads.value, 50)),
    read_p99_ms: ms(percentile(reads.value, 99)),
    decode_ms: ms(median(decoding.value)),
    runs: reads.value.length,
    decode_runs: decoding.value.length,
    status: reading.status,
    marks: reading.marks,
    jpeg_kb: Math.round(jpeg.length / 1024),
    peak_mb: reads.peakMb,
    decode_peak_mb: decoding.peakMb,
  };
}

async function decodeOnce(jpeg: Buffer): Promise<GrayImage> {
  const decoded = await decodePages(jpeg, 'scan.jpg');
  if (!decoded.ok) throw new Error(`scan: decodePages: ${decoded.error.message}`);
  const [page] = decoded.value;
  if (decoded.value.length !== 1 || !page) {
    throw new Error(`scan: the JPEG decoded to ${decoded.value.length} pages, not 1`);
  }
  return page;
}

/** The reading of the page, if the reader read it and saw no mark other than the one drawn. */
function checkedReading(image: GrayImage, round: KnownRound): PageReading {
  const reading = readBallotPage(image, { expected: round });
  if (reading.status !== 'read' && reading.status !== 'review') {
    throw new Error(`scan: the reader did not read the page: ${reading.status} ${reading.reason}`);
  }
  const drawn = reading.candidates.map((c) => VOTES.charAt(c)).join('');
  const wrong = [...reading.marks].some((m, i) => m !== '?' && m !== drawn.charAt(i));
  if (wrong || reading.candidates.length !== VOTES.length) {
    throw new Error(`scan: the reader read ${reading.marks} where ${drawn} was drawn`);
  }
  progress(`scan: ${reading.status}, marks ${reading.marks} (drawn ${drawn})`);
  return reading;
}

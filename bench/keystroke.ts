import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { commitBallot } from '../core/entry/ballot-entry';
import { chromiumUnavailable, jsHeapMb, withBrowserOn } from './browser';
import { benchPin, candidateNames, countingRound, lcg, openDay, paper } from './day';
import { ms, percentile, progress, spread, type Spread } from './measure';

/*
 * keystroke_repaint: on the entry screen, with 300 ballots of the box already entered, from a
 * key going down to the frame that shows its effect. The entry page measures it itself
 * (performance marks on keydown, a measure in the first animation frame after React's layout);
 * the bench types ballots by keyboard through Chromium against the loopback host and reads
 * those measures, one per key. Each ballot is 11 marks and Enter, and the next one waits for the
 * save.
 */

const entered = 300;
const candidates = candidateNames(11);
const seats = 9;
const keyOf: Record<string, string> = { O: '1', X: '2', '-': '3', '?': '4' };
/** The names in renderer/pages/entry/keystroke-timing.ts (not imported: that is React code). */
const keystrokeMark = 'entry-keydown';
const keystrokeMeasure = 'entry-keystroke';
const answerMark = 'entry-answer';
const laidOutMark = 'entry-laid-out';

/**
 * Runs in the page: after each keydown the entry page marked, once the event has been through
 * React (whose root listens below window, and whose discrete updates are rendered and laid out
 * before the event goes on), records how long that took.
 */
function workProbe(mark: string): void {
  const work: number[] = [];
  (window as unknown as { __ctWork: number[] }).__ctWork = work;
  window.addEventListener('keydown', () => {
    queueMicrotask(() => {
      const started = performance.getEntriesByName(mark, 'mark').at(-1)?.startTime;
      if (started !== undefined) work.push(performance.now() - started);
    });
  });
}

export interface KeystrokeFigures {
  p99_ms: number | null;
  reason?: string;
  p50_ms?: number;
  /**
   * keydown → React's render and layout done, before the frame: the app's own work, without the
   * wait for the next frame that the page's measure includes (0–16.7 ms at 60 Hz).
   */
  work_p50_ms?: number;
  work_p99_ms?: number;
  /** The mark keys alone, and Enter alone (whose repaint waits for the ballot to be saved). */
  marks_p99_ms?: number;
  enter_p99_ms?: number;
  /**
   * Where Enter's time goes, p50 and p99 of each part: the page before it sends the ballot; the
   * service's own time (validation, checks, rows, audit row, fsync: the host's Server-Timing);
   * the rest of the round trip (HTTP, JSON); the answer's way into the page's code; React's
   * render and layout of the cleared ballot; and the wait from there to the next frame.
   */
  enter_parts?: Record<EnterPart, Spread>;
  keystrokes?: number;
  ballots_before?: number;
  peak_mb?: number;
  peak_of?: string;
}

export async function keystrokeBench(quick: boolean): Promise<KeystrokeFigures> {
  const missing = chromiumUnavailable();
  if (missing) return { p99_ms: null, reason: missing };
  const warmup = 3;
  const typed = quick ? 8 : 25;
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-keys-'));
  try {
    const file = join(dir, 'congress.sqlite');
    const random = lcg(300);
    await seedBox(file, entered + warmup + typed, random);
    return await withBrowserOn(file, async (browser, url) => {
      const page = await browser.newPage({
        viewport: { width: 1366, height: 860 },
        locale: 'zh-CN',
      });
      await page.addInitScript(workProbe, keystrokeMark);
      await page.goto(url);
      await openEntryDesk(page);
      let peak = 0;
      const marks: number[] = [];
      const enters: number[] = [];
      const parts: Record<EnterPart, number>[] = [];
      for (let i = 0; i < warmup + typed; i += 1) {
        const seq = entered + i + 1;
        await page
          .getByTestId('current-seq')
          .filter({ hasText: `第 ${seq} 张` })
          .waitFor();
        const keys = [...paper(random, candidates.length, seats).marks].map((m) => keyOf[m] ?? '3');
        for (const key of keys) {
          const took = await timedKey(page, key);
          if (i >= warmup) marks.push(took);
        }
        const took = await timedKey(page, 'Enter');
        const split = await enterSplit(page);
        if (i >= warmup) {
          enters.push(took);
          parts.push(split);
        }
        await page
          .getByTestId('last-saved')
          .filter({ hasText: `第 ${seq} 张` })
          .waitFor();
        peak = Math.max(peak, await jsHeapMb(page));
        if (i % 10 === 0) progress(`keystroke_repaint: ballot ${seq}`);
      }
      const all = [...marks, ...enters];
      const work = await page.evaluate(() =>
        (window as unknown as { __ctWork: number[] }).__ctWork.slice(),
      );
      // The warm-up ballots' keys (and the sign-in's) are the first ones recorded.
      const measuredWork = work.slice(-all.length);
      return {
        p99_ms: ms(percentile(all, 99)),
        p50_ms: ms(percentile(all, 50)),
        work_p50_ms: ms(percentile(measuredWork, 50)),
        work_p99_ms: ms(percentile(measuredWork, 99)),
        marks_p99_ms: ms(percentile(marks, 99)),
        enter_p99_ms: ms(percentile(enters, 99)),
        enter_parts: partFigures(parts),
        keystrokes: all.length,
        ballots_before: entered,
        peak_mb: peak,
        peak_of: 'renderer JS heap (CDP JSHeapUsedSize)',
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A box of `expected` ballots whose first pass holds 300, entered through the entry service. */
async function seedBox(file: string, expected: number, random: () => number): Promise<void> {
  const day = await openDay(file);
  const { roundId } = countingRound(day.store, {
    candidates,
    seats,
    ballots: expected,
    writeInBlanks: 2,
  });
  const box = await day.call(
    'entry.createBox',
    { roundId, label: '一号票箱', expected },
    day.scrutineer.token,
  );
  await day.call('entry.open', { boxId: box.id }, day.teller.token);
  const teller = { personId: day.teller.id, name: day.teller.name, role: 'teller' };
  day.store.transaction(() => {
    for (let seq = 1; seq <= entered; seq += 1) {
      const ballot = paper(random, candidates.length, seats);
      const done = commitBallot(day.services.context, teller, { boxId: box.id, seq, ballot });
      if (!done.ok) throw new Error(`entry.commit: ${done.error.message}`);
    }
  });
  day.services.close();
}

/**
 * Presses one key and returns the page's own measure of it. The next key waits for that measure,
 * as a person's next key comes a tenth of a second later: two keys within one frame would share
 * one measure, taken from the later key, and the earlier key's wait would go unreported.
 */
async function timedKey(page: Page, key: string): Promise<number> {
  const count = () =>
    page.evaluate((name) => performance.getEntriesByName(name, 'measure').length, keystrokeMeasure);
  const before = await count();
  await page.keyboard.press(key);
  await page.waitForFunction(
    ([name, n]) => performance.getEntriesByName(name, 'measure').length > n,
    [keystrokeMeasure, before] as const,
  );
  return page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? Number.NaN,
    keystrokeMeasure,
  );
}

/** Enter's parts, in the order they happen. */
export const enterParts = [
  'before_request',
  'service',
  'transport',
  'to_page',
  'render',
  'frame_wait',
] as const;
type EnterPart = (typeof enterParts)[number];

/**
 * Splits the last Enter's measure: read in the page from the measure, the request's resource
 * timing, the host's Server-Timing and the page's marks; resource timings are cleared for the
 * next one.
 */
async function enterSplit(page: Page): Promise<Record<EnterPart, number>> {
  const split = await page.evaluate(
    ([name, answered, laidOut]) => {
      const measure = performance.getEntriesByName(name, 'measure').at(-1);
      const request = (
        performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      ).findLast((r) => r.name.endsWith('/api/entry.commit'));
      const answer = performance.getEntriesByName(answered, 'mark').at(-1);
      const layout = performance.getEntriesByName(laidOut, 'mark').at(-1);
      performance.clearResourceTimings();
      if (!measure || !request || !answer || !layout) return undefined;
      const service = request.serverTiming.find((t) => t.name === 'dispatch')?.duration ?? 0;
      return {
        before_request: request.startTime - measure.startTime,
        service,
        transport: request.responseEnd - request.startTime - service,
        to_page: answer.startTime - request.responseEnd,
        render: layout.startTime - answer.startTime,
        frame_wait: measure.startTime + measure.duration - layout.startTime,
      };
    },
    [keystrokeMeasure, answerMark, laidOutMark] as const,
  );
  if (!split) throw new Error('Enter sent no entry.commit, or its timing was not recorded');
  return split;
}

function partFigures(parts: readonly Record<EnterPart, number>[]): Record<EnterPart, Spread> {
  const figure = (part: EnterPart) => spread(parts.map((p) => p[part]));
  return Object.fromEntries(enterParts.map((p) => [p, figure(p)])) as Record<EnterPart, Spread>;
}

/** Signs the teller in and opens the box, by keyboard as a teller does. */
async function openEntryDesk(page: Page): Promise<void> {
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByLabel('姓名').focus();
  await page.keyboard.type('张计票');
  await page.locator('.ant-select-item-option-active').filter({ hasText: '张计票' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('#pin:focus').waitFor();
  await page.keyboard.type(benchPin);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '登录' }).waitFor({ state: 'detached' });
  await page.keyboard.press('Alt+4');
  await page.getByRole('heading', { name: '4. 录入' }).waitFor();
  const resume = page.getByRole('button', { name: '继续录入：一号票箱' });
  await resume.waitFor();
  await resume.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('entry-desk').and(page.locator(':focus')).waitFor();
}

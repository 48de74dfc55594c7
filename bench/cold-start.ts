import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumUnavailable, jsHeapMb, withBrowserOn } from './browser';
import { openDay } from './day';
import { median, ms, progress } from './measure';

/*
 * renderer_cold_start: from navigation start to the sign-in screen being usable — its name
 * field focused, the list of people loaded — and painted. Each load is in a fresh browser
 * context (empty cache, new renderer process) against the loopback host on a database with
 * people in it. The moment is taken inside the page (performance.now() counts from navigation
 * start), in the frame after the condition first holds, so no polling from outside adds to it.
 */

export interface ColdStartFigures {
  median_ms: number | null;
  reason?: string;
  min_ms?: number;
  max_ms?: number;
  /** Where the time goes: the page's scripts have run (DOMContentLoaded), out of the whole. */
  dom_content_loaded_median_ms?: number;
  /** The scripts the sign-in screen loaded (entry and chunks), decoded, in KiB. */
  script_kb?: number;
  /** How many script files that was. */
  script_files?: number;
  runs?: number;
  peak_mb?: number;
  peak_of?: string;
}

/**
 * Runs in the page before its own scripts: checks on every frame whether the screen is usable and
 * sets window.__ctReady, once, after the paint of the first frame in which it is.
 */
function readinessProbe(): void {
  const ready = (): boolean => {
    const field = document.getElementById('personId');
    const heading = [...document.querySelectorAll('h2')].some((h) => h.textContent === '登录');
    const loading = document.querySelector('.ant-select-loading');
    return heading && field !== null && document.activeElement === field && loading === null;
  };
  const frame = () => {
    if (!ready()) {
      requestAnimationFrame(frame);
      return;
    }
    setTimeout(() => {
      (window as unknown as { __ctReady: number }).__ctReady = performance.now();
    }, 0);
  };
  requestAnimationFrame(frame);
}

/** What the page shows instead, for the error when it never becomes usable. */
function screenNow(): string {
  const active = document.activeElement;
  const focused = active ? `${active.tagName}#${active.id}` : 'nothing';
  return `focus on ${focused}; text: ${document.body.innerText.slice(0, 200).replace(/\s+/g, ' ')}`;
}

export async function coldStartBench(quick: boolean): Promise<ColdStartFigures> {
  const missing = chromiumUnavailable();
  if (missing) return { median_ms: null, reason: missing };
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-start-'));
  try {
    const file = join(dir, 'congress.sqlite');
    const day = await openDay(file);
    day.services.close();
    return await withBrowserOn(file, (browser, url) => loads(browser, url, quick ? 3 : 7));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One warm-up load and `runs` measured ones, each in a fresh context. */
async function loads(browser: Browser, url: string, runs: number): Promise<ColdStartFigures> {
  const warmup = 1;
  const times: number[] = [];
  const scriptsRun: number[] = [];
  let scriptBytes = 0;
  let scriptFiles = 0;
  let peak = 0;
  for (let i = 0; i < warmup + runs; i += 1) {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 860 },
      locale: 'zh-CN',
    });
    await context.addInitScript(readinessProbe);
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page
      .waitForFunction(() => (window as unknown as { __ctReady?: number }).__ctReady, undefined, {
        timeout: 60_000,
      })
      .catch(async (error: unknown) => {
        throw new Error(
          `the sign-in screen never became usable: ${await page.evaluate(screenNow)}`,
          {
            cause: error,
          },
        );
      });
    const readyAt = (await handle.jsonValue()) ?? Number.NaN;
    const loaded = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      // Every script the first screen loaded: the entry, its preloaded chunks, any imported.
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => new URL(r.name).pathname.endsWith('.js'));
      return {
        domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
        files: scripts.length,
        bytes: scripts.reduce(
          (sum, r) => sum + (r as PerformanceResourceTiming).decodedBodySize,
          0,
        ),
      };
    });
    scriptBytes = loaded.bytes;
    scriptFiles = loaded.files;
    peak = Math.max(peak, await jsHeapMb(page));
    await context.close();
    if (i >= warmup) {
      times.push(readyAt);
      scriptsRun.push(loaded.domContentLoaded);
    }
    progress(`renderer_cold_start: load ${i + 1} ready at ${Math.round(readyAt)} ms`);
  }
  return {
    median_ms: ms(median(times)),
    min_ms: ms(Math.min(...times)),
    max_ms: ms(Math.max(...times)),
    dom_content_loaded_median_ms: ms(median(scriptsRun)),
    script_kb: Math.round(scriptBytes / 1024),
    script_files: scriptFiles,
    runs: times.length,
    peak_mb: peak,
    peak_of: 'renderer JS heap (CDP JSHeapUsedSize)',
  };
}

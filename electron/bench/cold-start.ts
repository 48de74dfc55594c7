import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumUnavailable, jsHeapMb, launchChromium, serveHost } from './browser';
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
  script_kb?: number;
  runs?: number;
  peak_mb?: number;
  peak_of?: string;
}

/** Runs in the page before its own scripts; sets window.__ctReady once the screen is usable. */
function readinessProbe(): void {
  const ready = (): boolean => {
    const field = document.getElementById('personId');
    const heading = [...document.querySelectorAll('h2')].some((h) => h.textContent === '登录');
    const loading = document.querySelector('.ant-select-loading');
    return heading && field !== null && document.activeElement === field && loading === null;
  };
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (!ready()) return;
    observer.disconnect();
    // The frame that shows it: the callback after the next paint.
    requestAnimationFrame(() =>
      setTimeout(() => {
        (window as unknown as { __ctReady: number }).__ctReady = performance.now();
      }, 0),
    );
  };
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    check();
  });
  document.addEventListener('focusin', check, true);
}

export async function coldStartBench(quick: boolean): Promise<ColdStartFigures> {
  const missing = chromiumUnavailable();
  if (missing) return { median_ms: null, reason: missing };
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-start-'));
  const day = await openDay(join(dir, 'congress.sqlite'));
  day.services.close();
  const host = await serveHost(join(dir, 'congress.sqlite'));
  const browser = await launchChromium();
  try {
    const warmup = 1;
    const runs = quick ? 3 : 7;
    const times: number[] = [];
    const scriptsRun: number[] = [];
    let scriptBytes = 0;
    let peak = 0;
    for (let i = 0; i < warmup + runs; i += 1) {
      const context = await browser.newContext({
        viewport: { width: 1366, height: 860 },
        locale: 'zh-CN',
      });
      await context.addInitScript(readinessProbe);
      const page = await context.newPage();
      await page.goto(host.url);
      const handle = await page.waitForFunction(
        () => (window as unknown as { __ctReady?: number }).__ctReady,
        undefined,
        { timeout: 60_000 },
      );
      const readyAt = (await handle.jsonValue()) ?? Number.NaN;
      const loaded = await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => (r as PerformanceResourceTiming).initiatorType === 'script');
        return {
          domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
          bytes: scripts.reduce(
            (sum, r) => sum + (r as PerformanceResourceTiming).decodedBodySize,
            0,
          ),
        };
      });
      scriptBytes = loaded.bytes;
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
      runs: times.length,
      peak_mb: peak,
      peak_of: 'renderer JS heap (CDP JSHeapUsedSize)',
    };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

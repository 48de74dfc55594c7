import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/*
 * The one Chromium the printer, the benchmarks and the end-to-end tests run: found the same way
 * and started with the same quiet, offline flags, since nothing it does may reach a network
 * (the hall has none, by design).
 */

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, then Debian's chromium, then Playwright's own download if there is one. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', playwrightChromium()];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

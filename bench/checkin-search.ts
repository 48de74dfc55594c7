import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareName } from '../shared/names';
import { demoRoster, seeded, shuffle, type DemoDelegate } from '../cli/demo-roster';
import { openDay, type BenchDay } from './day';
import { ms, peakMemory, percentile, progress } from './measure';

/*
 * checkin_search: one search at the registration desk over a roster of 1,000, through the
 * service (`checkin.search`, as the desk calls it on every keystroke). The desk's pattern is
 * replayed: for each arriving delegate the operator types pinyin initials, the name, full pinyin
 * or scans the card, one search per keystroke, then checks them in. A check-in is a write, so the
 * first search after it rebuilds the roster's index: that search is in the figures too.
 */

const rosterSize = 1000;

export interface SearchFigures {
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** The first search after a check-in, which rebuilds the roster's index. */
  first_after_checkin_p50_ms: number;
  first_after_checkin_p99_ms: number;
  searches: number;
  delegates: number;
  peak_mb: number;
}

export async function checkinSearchBench(quick: boolean): Promise<SearchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-search-'));
  try {
    const day = await openDay(join(dir, 'congress.sqlite'));
    const roster = demoRoster(seeded(1000), rosterSize);
    const { congressId, ids } = seedRoster(day, roster);
    const arrivals = shuffle(seeded(7), roster).slice(0, quick ? 100 : 400);
    const warmup = 20;
    const times: number[] = [];
    const firstAfterCheckIn: number[] = [];
    peakMemory.reset();
    for (const [i, delegate] of arrivals.entries()) {
      for (const [n, query] of keystrokes(delegate, i).entries()) {
        const started = performance.now();
        const found = await day.services.dispatch(
          'checkin.search',
          { congressId, query },
          day.teller.token,
        );
        const took = performance.now() - started;
        if (!found.ok) throw new Error(`checkin.search: ${found.error.message}`);
        if (i >= warmup) times.push(took);
        if (i >= warmup && n === 0) firstAfterCheckIn.push(took);
      }
      const id = ids.get(delegate.cardNo) ?? 0;
      await day.call('checkin.checkIn', { delegateId: id, via: 'search' }, day.teller.token);
      if (i % 100 === 0) progress(`checkin_search: ${i} / ${arrivals.length} arrivals`);
    }
    const peak = peakMemory.mb();
    day.services.close();
    return {
      p50_ms: ms(percentile(times, 50)),
      p99_ms: ms(percentile(times, 99)),
      max_ms: ms(percentile(times, 100)),
      first_after_checkin_p50_ms: ms(percentile(firstAfterCheckIn, 50)),
      first_after_checkin_p99_ms: ms(percentile(firstAfterCheckIn, 99)),
      searches: times.length,
      delegates: rosterSize,
      peak_mb: peak,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function seedRoster(day: BenchDay, roster: readonly DemoDelegate[]) {
  const { store } = day;
  return store.transaction(() => {
    const congress = store.congresses.create({
      name: '中国共产党东湖镇第十六次代表大会',
      heldOn: '2025-06-18',
      profile: 'party-grassroots',
    });
    const ids = new Map<string, number>();
    for (const d of roster) {
      const { delegate } = store.delegates.upsert(congress.id, {
        name: d.name,
        gender: d.gender,
        cardNo: d.cardNo,
      });
      ids.set(d.cardNo, delegate.id);
    }
    return { congressId: congress.id, ids };
  });
}

/** What the operator types for the i-th arrival, as the query after each keystroke. */
function keystrokes(delegate: DemoDelegate, i: number): string[] {
  const syllables = prepareName(delegate.name).syllables;
  const typed = (text: string) => Array.from(text, (_c, n) => text.slice(0, n + 1));
  switch (i % 4) {
    case 0:
      return typed(syllables.map((s) => s.readings[0]?.charAt(0) ?? '').join(''));
    case 1:
      return typed(delegate.name);
    case 2:
      return typed(syllables.map((s) => s.readings[0] ?? '').join(''));
    default:
      // A scanner types the card in one burst; the desk searches the whole code.
      return [delegate.cardNo];
  }
}

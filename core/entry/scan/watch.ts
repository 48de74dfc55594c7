import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanSheets } from '../../../shared/api/scan';
import { isTemporaryName } from '../../platform/durable-files';
import type { ServiceContext } from '../../platform/context';
import type { Teller } from '../ballot-entry';
import { looksWhole } from './decode';
import { takeFiles, type RoundsOf } from './intake';

/** The files a scanner saves that are read; anything else in the folder is left alone. */
const IMAGE_NAME = /\.(jpe?g|png|tiff?|pdf)$/i;
/** How often the folder is listed, besides the change events (which some shares never send). */
const LIST_INTERVAL_MS = 1000;

interface Seen {
  size: number;
  mtimeMs: number;
}

interface Watch {
  folder: string;
  teller: Teller;
  /** Files present when watching began, and files already taken: never taken (again). */
  done: Set<string>;
  /** Size and time of each file at the last look: a file is taken once they stop changing. */
  seen: Map<string, Seen>;
  /**
   * Files that could not be taken, as they were then: tried again once they change (a scanner
   * that pauses while writing leaves a file that stands still before it is whole).
   */
  failed: Map<string, Seen>;
  taken: number;
  problem: string | null;
  timer: NodeJS.Timeout;
  watcher: FSWatcher | undefined;
  /** One look at a time, each file after the one before. */
  running: Promise<void>;
  closed: boolean;
}

/**
 * The folders watched for scanned sheets, one per box, for as long as the services run: each
 * new image file is taken once, oldest first, when its size has stopped changing, and goes to the
 * pass of the teller who started watching. `close` stops them all (the app closing).
 */
class ScanWatchers {
  private readonly watches = new Map<number, Watch>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly roundsOf?: RoundsOf,
  ) {}

  async start(boxId: number, folder: string, teller: Teller): Promise<void> {
    this.stop(boxId);
    const names = await readdir(folder);
    const watch: Watch = {
      folder,
      teller: { name: teller.name, role: teller.role, personId: teller.personId },
      done: new Set(names),
      seen: new Map(),
      failed: new Map(),
      taken: 0,
      problem: null,
      timer: setInterval(() => this.look(boxId, watch), LIST_INTERVAL_MS),
      watcher: undefined,
      running: Promise.resolve(),
      closed: false,
    };
    watch.timer.unref();
    try {
      watch.watcher = watchFolder(folder, () => this.look(boxId, watch));
      watch.watcher.on('error', () => undefined);
    } catch {
      // Listing alone still finds every file.
    }
    this.watches.set(boxId, watch);
  }

  stop(boxId: number): void {
    const watch = this.watches.get(boxId);
    if (!watch) return;
    watch.closed = true;
    clearInterval(watch.timer);
    watch.watcher?.close();
    this.watches.delete(boxId);
  }

  /** The box's watched folder; only the one feeding this teller's pass when a teller is given. */
  status(boxId: number, tellerId?: number): ScanSheets['watching'] {
    const watch = this.watches.get(boxId);
    if (!watch || (tellerId !== undefined && watch.teller.personId !== tellerId)) return null;
    return { folder: watch.folder, taken: watch.taken, problem: watch.problem };
  }

  /** Settles once every look started so far has finished (tests, and closing). */
  async idle(boxId: number): Promise<void> {
    await this.watches.get(boxId)?.running;
  }

  close(): void {
    for (const boxId of [...this.watches.keys()]) this.stop(boxId);
  }

  private look(boxId: number, watch: Watch): void {
    watch.running = watch.running
      .then(() => this.takeReady(boxId, watch))
      .catch((error) => {
        watch.problem = `读取文件夹 ${watch.folder} 出错：${String(error)}`;
      });
  }

  private async takeReady(boxId: number, watch: Watch): Promise<void> {
    if (watch.closed) return;
    const ready: { name: string; mtimeMs: number }[] = [];
    for (const name of await readdir(watch.folder)) {
      if (watch.done.has(name) || !IMAGE_NAME.test(name) || isTemporaryName(name)) continue;
      if (name.startsWith('.')) continue;
      const found = await stat(join(watch.folder, name)).catch(() => undefined);
      if (!found?.isFile()) continue;
      const now = { size: found.size, mtimeMs: found.mtimeMs };
      const failed = watch.failed.get(name);
      if (failed && same(failed, now)) continue;
      const before = watch.seen.get(name);
      watch.seen.set(name, now);
      if (before && now.size > 0 && same(before, now)) ready.push({ name, mtimeMs: now.mtimeMs });
    }
    ready.sort(
      (a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name, 'en', { numeric: true }),
    );
    for (const { name } of ready) {
      if (watch.closed) return;
      const seen = watch.seen.get(name);
      watch.seen.delete(name);
      const problem = await this.take(boxId, watch, name);
      if (problem === null) {
        watch.done.add(name);
        watch.failed.delete(name);
        watch.taken += 1;
      } else if (seen) {
        watch.failed.set(name, seen);
      }
      watch.problem = problem;
    }
  }

  /** Takes one file into the pass; why not, if it could not. */
  private async take(boxId: number, watch: Watch, name: string): Promise<string | null> {
    const bytes = await readFile(join(watch.folder, name)).catch(() => undefined);
    if (!bytes) return `文件“${name}”无法读取`;
    if (!looksWhole(bytes)) return `文件“${name}”不完整（扫描仪可能仍在写入）`;
    const files = [{ name, bytes: new Uint8Array(bytes) }];
    const taken = await takeFiles(this.ctx, watch.teller, { boxId, files }, this.roundsOf);
    return taken.ok ? null : taken.error.message;
  }
}

function same(a: Seen, b: Seen): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

const registries = new WeakMap<ServiceContext, ScanWatchers>();

/** The services' watchers: one registry per running services, closed with them. */
export function scanWatchers(ctx: ServiceContext): ScanWatchers {
  let watchers = registries.get(ctx);
  if (!watchers) {
    watchers = new ScanWatchers(ctx);
    registries.set(ctx, watchers);
  }
  return watchers;
}

export function closeScanWatchers(ctx: ServiceContext): void {
  registries.get(ctx)?.close();
}

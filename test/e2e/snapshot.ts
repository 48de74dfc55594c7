import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { root } from './harness';

/** Reviewed images of printed pages, committed with the code. */
export const snapshots = join(root, 'test', 'e2e', 'snapshots');

export interface SnapshotVerdict {
  /** Pixels that differ beyond anti-aliasing. */
  differing: number;
  total: number;
  /** Where the difference image was written (red marks what changed). */
  diff: string;
}

/**
 * Compares a rendered page with its reviewed snapshot. Where there is none yet, the page becomes
 * the snapshot and this throws: a new snapshot must be looked at before it is trusted.
 */
export function compareWithSnapshot(actual: string, name: string): SnapshotVerdict {
  const expected = join(snapshots, `${name}.png`);
  if (!existsSync(expected)) {
    mkdirSync(snapshots, { recursive: true });
    copyFileSync(actual, expected);
    throw new Error(
      `快照 ${expected} 不存在，已用本次结果写入。请打开它逐项核对版面，确认无误后提交，再运行测试。`,
    );
  }
  const want = PNG.sync.read(readFileSync(expected));
  const got = PNG.sync.read(readFileSync(actual));
  if (want.width !== got.width || want.height !== got.height) {
    throw new Error(
      `${name}：页面尺寸 ${got.width}×${got.height} 与快照 ${want.width}×${want.height} 不同`,
    );
  }
  const out = new PNG({ width: want.width, height: want.height });
  const differing = pixelmatch(want.data, got.data, out.data, want.width, want.height, {
    threshold: 0.2,
  });
  const diff = actual.replace(/\.png$/, '-diff.png');
  mkdirSync(dirname(diff), { recursive: true });
  writeFileSync(diff, PNG.sync.write(out));
  return { differing, total: want.width * want.height, diff };
}

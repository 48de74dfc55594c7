import { useEffect, useState } from 'react';
import type { SheetPage } from '../../../../shared/api/scan';
import type { Mark } from '../../../../shared/domain/paper-ballot';
import type { CellRead } from '../../../../shared/scan/read';
import { api } from '../../../api';
import './sheet-image.css';

interface Loaded {
  url: string;
  width: number;
  height: number;
}

/** Page images by digest: the same page is fetched once while the desk shows it and its neighbours. */
const cache = new Map<string, Promise<Loaded | string>>();
const CACHE_SIZE = 48;

function loadPage(sheetId: number, page: SheetPage): Promise<Loaded | string> {
  const kept = cache.get(page.image);
  if (kept) return kept;
  const loading = (async (): Promise<Loaded | string> => {
    const result = await api['scan.image']({ sheetId, page: page.page });
    if (!result.ok) return result.error.message;
    const img = new Image();
    img.src = result.value.dataUrl;
    await img.decode();
    return { url: result.value.dataUrl, width: img.naturalWidth, height: img.naturalHeight };
  })();
  cache.set(page.image, loading);
  // A failed load is asked again next time; the oldest pages leave first.
  void loading.then((v) => typeof v === 'string' && cache.delete(page.image));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  return loading;
}

function usePage(sheetId: number, page: SheetPage): Loaded | string | null {
  const [loaded, setLoaded] = useState<Loaded | string | null>(null);
  useEffect(() => {
    let current = true;
    setLoaded(null);
    void loadPage(sheetId, page).then((v) => current && setLoaded(v));
    return () => {
      current = false;
    };
  }, [sheetId, page]);
  return loaded;
}

export interface CellShown {
  /** What the teller has on the ballot for this candidate now (null: to be typed). */
  mark: (candidate: number) => Mark | null;
  doubtful: ReadonlySet<number>;
  cursor: number | null;
  /** 另选人 slots the machine saw writing in. */
  written: readonly number[];
}

/**
 * One page of a scanned ballot with the reading drawn on it: each 符号 cell outlined in the colour
 * of the mark the ballot now carries, the doubtful ones thick and amber until typed, the cursor's
 * cell in blue; name cells with writing dashed.
 */
export function SheetImage(props: {
  sheetId: number;
  page: SheetPage;
  shown: CellShown;
  /** Thumbnails draw smaller and are not read out. */
  thumbnail?: boolean;
  /** Called once the image is on screen. */
  onShown?: () => void;
}) {
  const loaded = usePage(props.sheetId, props.page);
  const { page, shown, onShown } = props;
  const visible = loaded !== null && typeof loaded !== 'string';
  useEffect(() => {
    if (visible) onShown?.();
  }, [visible, onShown]);
  const label = `第 ${page.page || 1} 页扫描图像`;
  if (loaded === null) {
    return <div className="sheet-image loading" role="img" aria-label={`${label}（正在载入）`} />;
  }
  if (typeof loaded === 'string') {
    return (
      <div className="sheet-image missing" role="alert">
        {loaded}
      </div>
    );
  }
  return (
    <svg
      className={`sheet-image${props.thumbnail ? ' thumbnail' : ''}`}
      viewBox={`0 0 ${loaded.width} ${loaded.height}`}
      role="img"
      aria-label={label}
      data-testid="sheet-image"
    >
      <image href={loaded.url} width={loaded.width} height={loaded.height} />
      {page.reading.cells.map((cell, i) => (
        <CellOutline key={i} cell={cell} shown={shown} />
      ))}
    </svg>
  );
}

function CellOutline({ cell, shown }: { cell: CellRead; shown: CellShown }) {
  const points = cell.quad.map((p) => `${p.x},${p.y}`).join(' ');
  if (cell.kind === 'write-in') {
    if (cell.slot === null || !shown.written.includes(cell.slot)) return null;
    return <polygon className="cell written" points={points} />;
  }
  if (cell.candidate === null) return null;
  const mark = shown.mark(cell.candidate);
  const classes = ['cell', markClass(mark)];
  if (shown.doubtful.has(cell.candidate)) classes.push(mark === null ? 'doubtful' : 'settled');
  if (shown.cursor === cell.candidate) classes.push('cursor');
  return (
    <polygon
      className={classes.join(' ')}
      points={points}
      data-candidate={cell.candidate}
      data-mark={mark ?? ''}
    />
  );
}

function markClass(mark: Mark | null): string {
  if (mark === null) return 'untyped';
  return { O: 'for', X: 'against', '-': 'none', '?': 'unclear' }[mark];
}

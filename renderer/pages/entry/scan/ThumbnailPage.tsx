import { Alert, Button } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScanSheet } from '../../../../shared/api/scan';
import { markOf } from '../BallotSheet';
import { api } from '../../../api';
import { SheetImage } from './SheetImage';
import './thumbnail-page.css';

const none = new Set<number>();

/**
 * 整页确认: the next sheets the machine read with confidence, side by side with their readings
 * drawn on them. Once every image is on screen and the teller has looked, Enter confirms them
 * all as read; anything that looks wrong is closed (Esc) and settled one by one.
 */
export function ThumbnailPage(props: {
  boxId: number;
  sheets: readonly ScanSheet[];
  onDone: (words: string) => void;
  onCancel: () => void;
}) {
  const { sheets } = props;
  const [shown, setShown] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const onShown = useCallback(() => setShown((n) => n + 1), []);
  const ready = shown >= sheets.length;

  useEffect(() => panel.current?.focus(), []);

  const confirm = async () => {
    if (!ready || busy) return;
    setBusy(true);
    const result = await api['scan.confirmMany']({
      boxId: props.boxId,
      sheetIds: sheets.map((s) => s.id),
    });
    setBusy(false);
    if (result.ok) props.onDone(`已按机器识别确认 ${result.value.confirmed} 张`);
    else setProblem(result.error.message);
  };

  return (
    <div
      ref={panel}
      className="thumbnail-page"
      role="dialog"
      aria-label="整页核对机器识别的选票"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onCancel();
        } else if (event.key === 'Enter') {
          event.preventDefault();
          void confirm();
        }
      }}
    >
      <div className="thumbnail-head">
        <strong>
          整页核对：第 {sheets[0]?.place} – {sheets.at(-1)?.place} 张，共 {sheets.length} 张
        </strong>
        <span>机器均已可靠识别。请逐张看过图像与识别结果，无误后按 Enter 一次确认。</span>
        <Button type="primary" disabled={!ready} loading={busy} onClick={() => void confirm()}>
          确认这 {sheets.length} 张（Enter）
        </Button>
        <Button onClick={props.onCancel}>逐张核对（Esc）</Button>
      </div>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      <div className="thumbnail-grid">
        {sheets.map((sheet) => (
          <figure key={sheet.id} className="thumbnail" data-testid="thumbnail">
            {sheet.pages.map((page) => (
              <SheetImage
                key={page.image}
                sheetId={sheet.id}
                page={page}
                thumbnail
                onShown={page === sheet.pages[0] ? onShown : undefined}
                shown={{
                  mark: (i) => markOf(sheet.marks[i] ?? ''),
                  doubtful: none,
                  cursor: null,
                  written: [],
                }}
              />
            ))}
            <figcaption>
              第 {sheet.place} 张 ·{' '}
              <span className="thumbnail-marks">{readingWords(sheet.marks)}</span>
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}

/** ○ 3 × 2 弃权 4, as the sheet was read. */
function readingWords(marks: string): string {
  const count = (c: string) => [...marks].filter((m) => m === c).length;
  return `○ ${count('O')} · × ${count('X')} · 弃权 ${count('-')}`;
}

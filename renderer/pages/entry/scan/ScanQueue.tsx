import type { ScanSheets } from '../../../../shared/api/scan';
import { KeyLegend } from '../KeyLegend';
import type { Saved } from '../useEntryDesk';
import './scan-queue.css';

const scanKeys: readonly { keys: readonly string[]; label: string }[] = [
  { keys: ['1', 'J', '2', 'K', '3', 'L'], label: '录入待核对的符号（同键盘录入）' },
  { keys: ['←', '→'], label: '移到上/下一名改正' },
  { keys: ['W'], label: '填写另选人姓名' },
  { keys: ['F'], label: '整张废票' },
  { keys: ['Enter'], label: '确认录入本张' },
  { keys: ['T'], label: '整页核对可靠识别的选票' },
  { keys: ['Delete'], label: '拒收本张' },
  { keys: ['C'], label: '打开/关闭摄像头' },
];

/** Where the pass stands: sheets waiting, confirmed, set aside (with why), and the keys. */
export function ScanQueue(props: {
  scan: ScanSheets | null;
  run: number;
  lastSaved: Saved | null;
}) {
  const sheets = props.scan?.sheets ?? [];
  const count = (status: string) => sheets.filter((s) => s.status === status).length;
  const setAside = sheets.filter((s) => s.status === 'refused' || s.status === 'skipped');
  return (
    <div className="scan-queue">
      <div className="scan-counts" data-testid="scan-counts">
        待确认 <b>{count('pending')}</b> · 已确认 <b>{count('confirmed')}</b> · 拒收{' '}
        <b>{count('refused')}</b> · 略过 <b>{count('skipped')}</b>
      </div>
      {props.run > 1 && (
        <div className="scan-run">
          接下来 {props.run} 张机器均已可靠识别：按 <kbd>T</kbd> 整页核对
        </div>
      )}
      <div className="entry-saved" data-testid="last-saved" aria-live="polite">
        {props.lastSaved ? (
          <>
            上一张已保存：<b>第 {props.lastSaved.seq} 张</b>
            {props.lastSaved.invalidReason && (
              <span className="entry-saved-invalid">（废票：{props.lastSaved.invalidReason}）</span>
            )}
          </>
        ) : (
          '本次尚未确认选票'
        )}
      </div>
      {setAside.length > 0 && (
        <ul className="scan-aside" aria-label="拒收与略过的扫描件">
          {setAside.slice(-6).map((s) => (
            <li key={s.id}>
              第 {s.place} 张：{s.reason}
            </li>
          ))}
        </ul>
      )}
      <KeyLegend legend={scanKeys} label="扫描录入按键" />
    </div>
  );
}

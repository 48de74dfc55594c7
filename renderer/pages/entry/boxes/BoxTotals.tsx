import type { EntryOverview } from '../../../../shared/api/entry';
import './box-totals.css';

/** Ballots returned against the boxes' hand counts, and how many are entered. */
export function BoxTotals({ overview }: { overview: EntryOverview }) {
  const { totals, boxes } = overview;
  const entered = boxes.reduce(
    (sum, b) => sum + (b.passes.find((p) => p.pass === 1)?.live ?? 0),
    0,
  );
  const difference = totals.difference;
  const tone = difference === null ? '' : difference === 0 ? 'ok' : 'bad';
  return (
    <div className="boxes-totals" data-testid="box-totals">
      <div>
        <span>收回选票</span>
        <b>{totals.returned ?? '—'}</b>
      </div>
      <div>
        <span>各票箱清点合计</span>
        <b>{totals.expected}</b>
      </div>
      <div className={`boxes-difference ${tone}`}>
        <span>相差</span>
        <b>
          {difference === null
            ? '—'
            : difference === 0
              ? '0'
              : difference > 0
                ? `多 ${difference}`
                : `少 ${-difference}`}
        </b>
      </div>
      <div>
        <span>已录入（第一遍）</span>
        <b>{entered}</b>
      </div>
    </div>
  );
}

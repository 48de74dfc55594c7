import type { BoxRecord, PassRecord } from '../../../../shared/api/entry';
import './pass-cell.css';

/** Who holds the pass and how far it is. */
export function PassCell({ box, pass }: { box: BoxRecord; pass: 1 | 2 }) {
  const record: PassRecord | undefined = box.passes.find((p) => p.pass === pass);
  if (!record) return <span className="boxes-muted">未开始</span>;
  return (
    <span>
      {record.tellerName} · {record.live}/{box.expected}
      {record.done && ' ✓'}
    </span>
  );
}

import { ReportDocument } from '../ReportDocument';
import { ChiefSignLine, partsCss, UnlockNotes } from './parts';

export interface ElectedListProps {
  congressName: string;
  /** 中国共产党东湖镇第十六届委员会委员当选名单 */
  heading: string;
  /** In announcement order. */
  names: readonly string[];
  orderNote: string;
  /** 第 1 轮（正式选举）当选 8 名；第 2 轮（再次投票）当选 1 名 */
  rounds: readonly string[];
  /** What is still to be done before the list is final; null when it is. */
  pending: string | null;
  unlocks: readonly string[];
  /** 2025年6月18日 */
  date: string;
}

/** 当选名单: the election's elected over all its certified rounds, in announcement order. */
export function ElectedList(props: ElectedListProps) {
  return (
    <ReportDocument title={props.heading} css={partsCss + listCss}>
      <header className="sheet-title">
        <h1>{props.congressName}</h1>
        <h2 className="list-heading">{props.heading}</h2>
        <p className="list-note">
          （共 {props.names.length} 名，{props.orderNote}）
        </p>
      </header>
      {props.pending && <p className="pending">名单尚未最终确定：{props.pending}</p>}
      <ol className="list-names">
        {props.names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ol>
      <section className="list-rounds">
        {props.rounds.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
      <UnlockNotes notes={props.unlocks} />
      <ChiefSignLine date={props.date} />
    </ReportDocument>
  );
}

const listCss = `
@page { margin: 22mm 20mm 22mm 20mm; }
.list-heading { font-size: 18pt !important; letter-spacing: 0.08em !important; line-height: 1.5; }
.list-note { margin-top: 2mm; font-size: 12pt; }
.pending { border: 0.5mm solid #000; padding: 2mm 4mm; font-weight: 700; margin: 4mm 0; }
.list-names { list-style: none; padding: 0; margin: 8mm 0; display: grid;
  grid-template-columns: repeat(5, 1fr); row-gap: 5mm; }
.list-names li { font-size: 16pt; text-align: center; letter-spacing: 0.12em; }
.list-rounds { margin-top: 6mm; font-size: 10.5pt; color: #222; }
.list-rounds p { line-height: 1.8; }
.list-sign { margin-top: 14mm; text-align: right; font-size: 12pt; line-height: 2.4; break-inside: avoid; }
`;

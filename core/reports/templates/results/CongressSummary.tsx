import { ReportDocument } from '../ReportDocument';
import { ChiefSignLine, partsCss, UnlockNotes } from './parts';

export interface SummaryRound {
  label: string;
  state: string;
  issued: number | null;
  returned: number | null;
  valid: number | null;
  invalid: number | null;
  elected: number | null;
}

export interface SummaryElection {
  title: string;
  seats: number;
  rounds: readonly SummaryRound[];
  /** In announcement order. */
  elected: readonly string[];
  orderNote: string;
  /** null when every seat is filled by a certified round. */
  pending: string | null;
}

export interface CongressSummaryProps {
  congressName: string;
  /** Lines under the title: 届次, 主办, 地点, 日期, 选举规则. */
  about: readonly string[];
  attendance: { entitled: number; present: number; leave: number; absent: number } | null;
  elections: readonly SummaryElection[];
  unlocks: readonly string[];
  date: string;
}

/** 选举结果汇总: every election of the congress, its rounds' counts and its elected. */
export function CongressSummary(props: CongressSummaryProps) {
  return (
    <ReportDocument title={`${props.congressName}选举结果汇总`} css={partsCss + summaryCss}>
      <header className="sheet-title">
        <h1>{props.congressName}</h1>
        <h2>选举结果汇总</h2>
      </header>
      <section className="about">
        {props.about.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {props.attendance && (
          <p>
            代表报到：应到会有选举权 {props.attendance.entitled} 人，实到 {props.attendance.present}{' '}
            人，请假 {props.attendance.leave} 人，缺席 {props.attendance.absent} 人
          </p>
        )}
      </section>
      <table className="rounds">
        <thead>
          <tr>
            <th className="title">选举事项</th>
            <th>应选</th>
            <th className="label">轮次</th>
            <th>发出</th>
            <th>收回</th>
            <th>有效</th>
            <th>无效</th>
            <th>当选</th>
            <th className="state">状态</th>
          </tr>
        </thead>
        <tbody>
          {props.elections.flatMap((e) =>
            e.rounds.map((r, i) => (
              <tr key={`${e.title}-${r.label}`}>
                {i === 0 && (
                  <>
                    <td className="title" rowSpan={e.rounds.length}>
                      {e.title}
                    </td>
                    <td className="num" rowSpan={e.rounds.length}>
                      {e.seats}
                    </td>
                  </>
                )}
                <td className="label">{r.label}</td>
                <td className="num">{r.issued ?? '—'}</td>
                <td className="num">{r.returned ?? '—'}</td>
                <td className="num">{r.valid ?? '—'}</td>
                <td className="num">{r.invalid ?? '—'}</td>
                <td className="num">{r.elected ?? '—'}</td>
                <td className="state">{r.state}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {props.elections.map((e) => (
        <section className="summary-elected" key={e.title}>
          <h3>
            {e.title}：当选 {e.elected.length} 名（{e.orderNote}）
          </h3>
          <p className="names">{e.elected.length > 0 ? e.elected.join('　') : '尚无当选人'}</p>
          {e.pending && <p className="pending">尚未完成：{e.pending}</p>}
        </section>
      ))}
      <UnlockNotes notes={props.unlocks} />
      <ChiefSignLine date={props.date} />
    </ReportDocument>
  );
}

const summaryCss = `
@page { margin: 16mm 15mm 20mm 15mm; }
.about { margin-bottom: 4mm; font-size: 11pt; line-height: 1.7; }
table.rounds { width: 100%; table-layout: fixed; }
table.rounds th, table.rounds td { border: 0.3mm solid #000; padding: 1.2mm 1.6mm; font-size: 10pt; }
table.rounds thead th { background: #f0f0f0; font-weight: 700; text-align: center; }
table.rounds thead { display: table-header-group; }
table.rounds tr { break-inside: avoid; }
table.rounds .title { width: 52mm; }
table.rounds .label { width: 30mm; }
table.rounds .state { width: 18mm; text-align: center; }
table.rounds .num { text-align: right; font-variant-numeric: tabular-nums; }
.summary-elected { margin-top: 5mm; break-inside: avoid; }
.summary-elected h3 { font-size: 11.5pt; font-weight: 700; margin-bottom: 1mm; }
.summary-elected .names { font-size: 12pt; letter-spacing: 0.06em; line-height: 1.8; }
.summary-elected .pending { font-size: 10.5pt; font-weight: 700; }
.list-sign { margin-top: 12mm; text-align: right; font-size: 12pt; line-height: 2.4; break-inside: avoid; }
`;

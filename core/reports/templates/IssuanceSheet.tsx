import type { ReactNode } from 'react';
import { ReportDocument } from './ReportDocument';
import { SignatureLines, signatureCss } from './SignatureLines';

export interface IssuanceSheetProps {
  congressName: string;
  electionTitle: string;
  /** 第 1 轮（正式选举） */
  round: string;
  seats: number;
  /** attendance: party rules (应到 / 实到); turnout: village and 人大 (登记选民, ballots returned). */
  basis: 'attendance' | 'turnout';
  entitled: number;
  /** 实到, frozen when the ballots were issued; null under turnout rules. */
  present: number | null;
  issued: number;
  /** null until the ballots are collected: the line is left blank to fill in by hand. */
  returned: number | null;
  /** Already in the hall's words: 2025年6月18日 09:30 */
  issuedAt: string;
  returnedAt: string | null;
  /** The meeting's validity under the rule, with its source. */
  quorum: string;
  /** Returned against issued; null before the ballots are collected. */
  accounting: string | null;
  /** What the 总监票人 reads out to the meeting. */
  statement: string;
}

/** 分发、收回选票情况报告单: one round's ballots out and back, signed by the scrutineers. */
export function IssuanceSheet(props: IssuanceSheetProps) {
  const title = `${props.electionTitle}分发、收回选票情况报告单`;
  return (
    <ReportDocument title={title} css={issuanceCss + signatureCss}>
      <header className="sheet-title">
        <h1>{props.congressName}</h1>
        <h2>分发、收回选票情况报告单</h2>
      </header>
      <table className="facts">
        <tbody>
          <Fact label="选举事项">{props.electionTitle}</Fact>
          <Fact label="轮次">
            {props.round}，应选 {props.seats} 名
          </Fact>
          <Electorate {...props} />
          <Fact label="发出选票">
            <Count n={props.issued} />
            <span className="when">（{props.issuedAt} 发出）</span>
          </Fact>
          <Fact label="收回选票">
            {props.returned === null ? (
              <Blank unit="张" />
            ) : (
              <>
                <Count n={props.returned} />
                <span className="when">（{props.returnedAt} 收回）</span>
              </>
            )}
          </Fact>
          <Difference issued={props.issued} returned={props.returned} />
          <Fact label={props.basis === 'attendance' ? '到会情况' : '选举有效条件'}>
            {props.quorum}
          </Fact>
          <Fact label="选票收发">{props.accounting ?? '选票收回后填写'}</Fact>
        </tbody>
      </table>
      <section className="statement">
        <h3>总监票人向大会报告</h3>
        <p>{props.statement}</p>
      </section>
      <SignatureLines roles={['总监票人', '监票人']} />
    </ReportDocument>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th>{label}</th>
      <td>{children}</td>
    </tr>
  );
}

function Electorate(props: IssuanceSheetProps) {
  if (props.basis === 'turnout') {
    return (
      <Fact label="登记选民">
        <Count n={props.entitled} unit="人" />
      </Fact>
    );
  }
  return (
    <>
      <Fact label="应到会有选举权人数">
        <Count n={props.entitled} unit="人" />
      </Fact>
      <Fact label="实到会有选举权人数">
        <Count n={props.present ?? 0} unit="人" />
      </Fact>
    </>
  );
}

/** 未收回 when fewer came back; 多收回 (the round is void) when more did. */
function Difference({ issued, returned }: { issued: number; returned: number | null }) {
  if (returned === null) return null;
  const over = returned > issued;
  return (
    <Fact label={over ? '多收回选票' : '未收回选票'}>
      <Count n={Math.abs(issued - returned)} />
    </Fact>
  );
}

function Count({ n, unit = '张' }: { n: number; unit?: string }) {
  return (
    <>
      <strong>{n}</strong> {unit}
    </>
  );
}

function Blank({ unit }: { unit: string }) {
  return (
    <>
      <span className="blank" /> {unit}
    </>
  );
}

const issuanceCss = `
@page { margin: 20mm 20mm 20mm 20mm; }
.sheet-title { text-align: center; margin-bottom: 8mm; }
.sheet-title h1 { font-size: 15pt; font-weight: 700; }
.sheet-title h2 { font-size: 22pt; font-weight: 900; letter-spacing: 0.15em; margin-top: 2mm; }
table.facts { width: 100%; table-layout: fixed; }
table.facts th, table.facts td { border: 0.3mm solid #000; padding: 2.5mm 3mm; font-size: 12pt;
  vertical-align: middle; }
table.facts th { width: 50mm; background: #f0f0f0; font-weight: 700; text-align: center;
  white-space: nowrap; }
table.facts td { line-height: 1.6; }
table.facts strong { font-size: 14pt; }
.when { margin-left: 4mm; font-size: 11pt; }
.blank { display: inline-block; width: 22mm; border-bottom: 0.3mm solid #000; }
.statement { margin-top: 8mm; border: 0.3mm solid #000; padding: 4mm 5mm; break-inside: avoid; }
.statement h3 { font-size: 12pt; font-weight: 700; margin-bottom: 2mm; }
.statement p { font-size: 13pt; line-height: 1.9; text-indent: 2em; }
`;

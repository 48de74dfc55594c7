import { ReportDocument } from '../ReportDocument';
import {
  partsCss,
  SealBox,
  SheetTitle,
  SignatureBlock,
  UnlockNotes,
  type Seal,
  type Signatories,
} from './parts';

export interface SheetName {
  name: string;
  writeIn: boolean;
  for: number;
  /** null for a written-in name: only ○ counts for it. */
  against: number | null;
  abstain: number | null;
  /** 当选 / 未当选 / 再次投票 */
  outcome: string;
  elected: boolean;
}

/** One round's 计票结果报告单. */
export interface RoundSheet {
  /** 第 1 轮（正式选举） */
  roundLabel: string;
  seats: number;
  basis: 'attendance' | 'turnout';
  entitled: number;
  present: number | null;
  ballots: { issued: number; returned: number; valid: number | null; invalid: number | null };
  /** 当选须赞成票超过应到会有选举权人数 200 的半数，即至少 101 票（…） */
  threshold: string;
  names: readonly SheetName[];
  /** In announcement order. */
  elected: readonly string[];
  orderNote: string;
  /** What follows from this round (再次投票, 另行选举, seats reduced); null if nothing. */
  followUp: string | null;
  /** The 总监票人's statement on the validity of the round. */
  statement: string;
  /** Who certified and when, or that it is not certified yet. */
  certification: string;
  certified: boolean;
  unlocks: readonly string[];
  signatories: Signatories;
  seal?: Seal | undefined;
}

export interface ResultSheetProps {
  congressName: string;
  electionTitle: string;
  /** 2025年6月18日 */
  date: string;
  sheets: readonly RoundSheet[];
}

/** 计票结果报告单: one sheet per round, every count, the elected, and the signatures. */
export function ResultSheet({ congressName, electionTitle, date, sheets }: ResultSheetProps) {
  return (
    <ReportDocument title={`${electionTitle}计票结果报告单`} css={partsCss + sheetCss}>
      {sheets.map((sheet) => (
        <article className="sheet" key={sheet.roundLabel}>
          <SheetTitle congressName={congressName} title="计票结果报告单" />
          {!sheet.certified && <p className="draft-mark">未经签核 · 仅供核对</p>}
          <Facts electionTitle={electionTitle} date={date} sheet={sheet} />
          <Counts sheet={sheet} />
          <NamesTable names={sheet.names} />
          <ElectedNames sheet={sheet} />
          <section className="statement">
            <p>
              <b>总监票人报告：</b>
              {sheet.statement}
            </p>
            {sheet.followUp && <p>{sheet.followUp}</p>}
            <p className="certification">{sheet.certification}</p>
          </section>
          <UnlockNotes notes={sheet.unlocks} />
          <div className="sheet-foot">
            <SignatureBlock people={sheet.signatories} date={date} />
            <SealBox seal={sheet.seal} />
          </div>
        </article>
      ))}
    </ReportDocument>
  );
}

function Facts({
  electionTitle,
  date,
  sheet,
}: {
  electionTitle: string;
  date: string;
  sheet: RoundSheet;
}) {
  return (
    <table className="facts">
      <tbody>
        <tr>
          <th>选举事项</th>
          <td colSpan={3}>{electionTitle}</td>
        </tr>
        <tr>
          <th>轮次</th>
          <td>{sheet.roundLabel}</td>
          <th>选举日期</th>
          <td>{date}</td>
        </tr>
        <tr>
          <th>当选票数</th>
          <td colSpan={3}>{sheet.threshold}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** The counts side by side, as the 总监票人 reads them out: seats, attendance, ballots. */
function Counts({ sheet }: { sheet: RoundSheet }) {
  const { ballots } = sheet;
  const attendance =
    sheet.basis === 'attendance'
      ? [
          { label: '应到会有选举权人数', n: sheet.entitled, unit: '人' },
          { label: '实到会有选举权人数', n: sheet.present ?? 0, unit: '人' },
        ]
      : [{ label: '登记选民', n: sheet.entitled, unit: '人' }];
  const cells = [
    { label: '应选名额', n: sheet.seats, unit: '名' },
    ...attendance,
    { label: '发出选票', n: ballots.issued, unit: '张' },
    { label: '收回选票', n: ballots.returned, unit: '张' },
    { label: '有效票', n: ballots.valid, unit: '张' },
    { label: '无效票', n: ballots.invalid, unit: '张' },
  ];
  return (
    <table className="counts">
      <thead>
        <tr>
          {cells.map(({ label }) => (
            <th key={label}>{label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {cells.map(({ label, n, unit }) => (
            <td key={label}>
              {n === null ? (
                '未计票'
              ) : (
                <>
                  <b>{n}</b> {unit}
                </>
              )}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function NamesTable({ names }: { names: readonly SheetName[] }) {
  return (
    <table className="names">
      <thead>
        <tr>
          <th className="seq">序号</th>
          <th className="who">被选举人</th>
          <th>赞成</th>
          <th>不赞成</th>
          <th>弃权</th>
          <th className="outcome">结果</th>
        </tr>
      </thead>
      <tbody>
        {names.map((n, i) => (
          <tr key={n.name} className={n.elected ? 'elected' : undefined}>
            <td className="seq">{i + 1}</td>
            <td className="who">
              {n.name}
              {n.writeIn && <span className="tag">另选</span>}
            </td>
            <td className="num">{n.for}</td>
            <td className="num">{n.against ?? '—'}</td>
            <td className="num">{n.abstain ?? '—'}</td>
            <td className="outcome">{n.outcome}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ElectedNames({ sheet }: { sheet: RoundSheet }) {
  return (
    <section className="elected-box">
      <h3>
        当选名单（{sheet.orderNote}，共 {sheet.elected.length} 名）：
      </h3>
      {sheet.elected.length === 0 ? (
        <p className="none">本轮无人当选</p>
      ) : (
        <p className="elected-names">
          {sheet.elected.map((name) => (
            <span key={name}>{name}</span>
          ))}
        </p>
      )}
    </section>
  );
}

const sheetCss = `
@page { margin: 14mm 16mm 18mm 16mm; }
.sheet { break-after: page; position: relative; }
.sheet .sheet-title { margin-bottom: 3mm; }
.sheet .sheet-title h1 { font-size: 13pt; }
.sheet .sheet-title h2 { font-size: 20pt; }
.sheet:last-child { break-after: auto; }
.draft-mark { position: absolute; top: 0; right: 0; border: 0.5mm solid #000; padding: 1mm 3mm;
  font-size: 10pt; font-weight: 700; letter-spacing: 0.1em; }
table.facts { width: 100%; table-layout: fixed; }
table.facts th, table.facts td { border: 0.3mm solid #000; padding: 1mm 2.5mm; font-size: 10.5pt;
  line-height: 1.4; }
table.facts th { width: 24mm; background: #f0f0f0; font-weight: 700; text-align: center;
  white-space: nowrap; font-size: 10pt; }
table.counts { width: 100%; table-layout: fixed; margin: -0.3mm 0 3mm; }
table.counts th, table.counts td { border: 0.3mm solid #000; text-align: center; }
table.counts th { background: #f0f0f0; font-size: 9.5pt; font-weight: 700; padding: 1mm 1mm;
  line-height: 1.3; }
table.counts td { font-size: 10.5pt; padding: 0.8mm 1mm; line-height: 1.3; }
table.counts b { font-size: 13pt; }
table.names { width: 100%; table-layout: fixed; }
table.names th, table.names td { border: 0.3mm solid #000; padding: 0.7mm 2mm; font-size: 10.5pt;
  line-height: 1.3; }
table.names thead th { background: #f0f0f0; font-weight: 700; text-align: center; }
table.names thead { display: table-header-group; }
table.names tr { break-inside: avoid; }
table.names .seq { width: 14mm; text-align: center; white-space: nowrap; }
table.names .who { width: 46mm; letter-spacing: 0.08em; }
table.names .num { text-align: right; font-variant-numeric: tabular-nums; padding-right: 5mm; }
table.names .outcome { width: 28mm; text-align: center; }
table.names tr.elected td { font-weight: 700; }
.tag { margin-left: 2mm; font-size: 8.5pt; border: 0.25mm solid #000; padding: 0 1mm;
  letter-spacing: 0; font-weight: 400; }
.elected-box { margin-top: 3mm; border: 0.3mm solid #000; padding: 2mm 4mm; break-inside: avoid; }
.elected-box { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1mm 5mm; }
.elected-box h3 { font-size: 11pt; font-weight: 700; margin-right: -3mm; }
.elected-names { display: contents; }
.elected-names span { font-size: 13pt; letter-spacing: 0.1em; line-height: 1.4; }
.none { font-size: 11pt; }
.statement { margin-top: 3mm; border: 0.3mm solid #000; padding: 2mm 4mm; break-inside: avoid; }
.statement p { font-size: 10.5pt; line-height: 1.5; text-indent: 2em; }
.statement p:first-child { text-indent: 0; }
.statement p.certification { font-weight: 700; }
.sheet-foot { display: grid; grid-template-columns: 1fr 64mm; gap: 5mm; align-items: start;
  margin-top: 3mm; break-inside: avoid; }
.sheet-foot .signers { margin-top: 1mm; }
.sheet-foot .seal { margin-top: 2mm; }
`;

import { ReportDocument } from './ReportDocument';

export interface SignInDelegate {
  name: string;
  gender: '男' | '女' | null;
  cardNo: string;
  unit: string;
  /** Excused (不计入应到): printed so that nobody waits for their signature. */
  excused: boolean;
}

export interface SignInSheetProps {
  congressName: string;
  /** In the order to print: units in order of first appearance, names within a unit as given. */
  delegates: readonly SignInDelegate[];
}

interface UnitGroup {
  unit: string;
  delegates: SignInDelegate[];
}

/** The 签到表: one table per 选举单位, its heading repeated if it runs onto another page. */
export function SignInSheet({ congressName, delegates }: SignInSheetProps) {
  const groups = groupByUnit(delegates);
  return (
    <ReportDocument title={`${congressName}代表签到表`} css={signInCss}>
      <header className="sheet-title">
        <h1>{congressName}</h1>
        <h2>代表签到表</h2>
        <p>
          代表 {delegates.length} 名，{groups.length} 个选举单位
        </p>
      </header>
      {groups.map((group) => (
        <UnitTable key={group.unit} group={group} />
      ))}
    </ReportDocument>
  );
}

/** Rows that fit on one page under the sheet's title: a unit this long is kept whole. */
const rowsPerPage = 20;

function UnitTable({ group }: { group: UnitGroup }) {
  const rows = group.delegates.map((d, i) => (
    <DelegateRow key={d.cardNo} delegate={d} seq={i + 1} />
  ));
  const whole = rows.length <= rowsPerPage;
  return (
    <table className={whole ? 'unit whole' : 'unit'}>
      <thead>
        <tr>
          <th className="unit-name" colSpan={5}>
            {group.unit === '' ? '未填选举单位' : group.unit}（{group.delegates.length} 名）
          </th>
        </tr>
        <tr className="columns">
          <th className="seq">序号</th>
          <th className="name">姓名</th>
          <th className="gender">性别</th>
          <th className="card">代表证号</th>
          <th className="sign">签名</th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

function DelegateRow({ delegate, seq }: { delegate: SignInDelegate; seq: number }) {
  return (
    <tr>
      <td className="seq">{seq}</td>
      <td className="name">{delegate.name}</td>
      <td className="gender">{delegate.gender ?? ''}</td>
      <td className="card">{delegate.cardNo}</td>
      <td className="sign">{delegate.excused && <span className="excused">请假</span>}</td>
    </tr>
  );
}

function groupByUnit(delegates: readonly SignInDelegate[]): UnitGroup[] {
  const groups = new Map<string, SignInDelegate[]>();
  for (const d of delegates) {
    const group = groups.get(d.unit);
    if (group === undefined) groups.set(d.unit, [d]);
    else group.push(d);
  }
  return [...groups].map(([unit, members]) => ({ unit, delegates: members }));
}

/**
 * A unit short enough for one page is kept whole; a longer one starts where the last ended and
 * repeats its heading (thead) on each page it runs onto. Chromium never ends a page with a table
 * header and no row under it, so a heading never stands alone at the foot of a page.
 */
const signInCss = `
@page { margin: 15mm 18mm 18mm 18mm; }
.sheet-title { text-align: center; margin-bottom: 6mm; }
.sheet-title h1 { font-size: 16pt; font-weight: 700; }
.sheet-title h2 { font-size: 22pt; font-weight: 900; letter-spacing: 0.3em; margin-top: 1mm; }
.sheet-title p { font-size: 11pt; margin-top: 1mm; }
table.unit { width: 100%; margin-bottom: 7mm; table-layout: fixed; }
table.unit.whole { break-inside: avoid; }
table.unit th, table.unit td { border: 0.3mm solid #000; text-align: center; vertical-align: middle; }
table.unit th.unit-name { border: none; border-bottom: 0.5mm solid #000; text-align: left; font-size: 13pt;
  font-weight: 700; padding: 0 0 1.5mm; }
tr.columns th { font-size: 11pt; font-weight: 700; height: 9mm; background: #f0f0f0; }
tbody tr { height: 11mm; break-inside: avoid; }
td { font-size: 12pt; }
.seq { width: 13mm; }
.name { width: 30mm; }
.gender { width: 14mm; }
.card { width: 34mm; font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 11pt; }
.excused { color: #555; font-size: 10.5pt; letter-spacing: 0.2em; }
`;
